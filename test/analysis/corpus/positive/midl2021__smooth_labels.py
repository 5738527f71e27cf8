# source: amir-iamlab/MIDL-2021/AD_classification/Regularization/smooth_labels.py@9aafb892387763196de63d768288f93e36741a00
def smooth_labels(labels, factor=0.1):
    # smooth the labels
    labels *= (1 - factor)
    labels += (factor / labels.shape[1])

    # returned the smoothed labels
    return labels
