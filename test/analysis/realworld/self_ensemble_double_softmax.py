# Source: Britefury/self-ensemble-visual-domain-adapt experiment_domainadapt_meanteacher.py (commit 0b29ad84; trimmed to the imports, criterion and training/prediction functions; click options and data/logging code omitted) — MIT License
"""
Incorporates mean teacher, from:

Mean teachers are better role models: Weight-averaged consistency targets improve semi-supervised deep learning results
Antti Tarvainen, Harri Valpola
https://arxiv.org/abs/1703.01780

"""
import click


def experiment(exp, arch, loss, double_softmax, confidence_thresh, rampup, teacher_alpha,
               unsup_weight, cls_balance, cls_balance_loss,
               combine_batches,
               learning_rate, standardise_samples,
               src_affine_std, src_xlat_range, src_hflip,
               src_intens_flip, src_intens_scale_range, src_intens_offset_range, src_gaussian_noise_std,
               tgt_affine_std, tgt_xlat_range, tgt_hflip,
               tgt_intens_flip, tgt_intens_scale_range, tgt_intens_offset_range, tgt_gaussian_noise_std,
               num_epochs, batch_size, epoch_size, seed,
               log_file, model_file, device):
    settings = locals().copy()

    import time
    import math
    import numpy as np
    from batchup import data_source, work_pool
    import data_loaders
    import standardisation
    import network_architectures
    import augmentation
    import torch, torch.cuda
    from torch import nn
    from torch.nn import functional as F
    import optim_weight_ema

    with torch.cuda.device(device):
        pool = work_pool.WorkerThreadPool(2)

        student_net = net_class(n_classes).cuda()
        teacher_net = net_class(n_classes).cuda()
        student_params = list(student_net.parameters())
        teacher_params = list(teacher_net.parameters())
        for param in teacher_params:
            param.requires_grad = False

        student_optimizer = torch.optim.Adam(student_params, lr=learning_rate)
        teacher_optimizer = optim_weight_ema.WeightEMA(teacher_params, student_params, alpha=teacher_alpha)
        classification_criterion = nn.CrossEntropyLoss()

        print('Built network')

        if combine_batches:
            def f_train(X_src0, X_src1, y_src, X_tgt0, X_tgt1):
                X_src0 = torch.autograd.Variable(torch.from_numpy(X_src0).cuda())
                X_src1 = torch.autograd.Variable(torch.from_numpy(X_src1).cuda())
                y_src = torch.autograd.Variable(torch.from_numpy(y_src).long().cuda())
                X_tgt0 = torch.autograd.Variable(torch.from_numpy(X_tgt0).cuda())
                X_tgt1 = torch.autograd.Variable(torch.from_numpy(X_tgt1).cuda())

                n_samples = X_src0.size()[0]
                n_total = n_samples + X_tgt0.size()[0]

                student_optimizer.zero_grad()
                student_net.train(mode=True)
                teacher_net.train(mode=True)

                # Concatenate source and target mini-batches
                X0 = torch.cat([X_src0, X_tgt0], 0)
                X1 = torch.cat([X_src1, X_tgt1], 0)

                student_logits_out = student_net(X0)
                student_prob_out = F.softmax(student_logits_out)

                src_logits_out = student_logits_out[:n_samples]
                src_prob_out = student_prob_out[:n_samples]

                teacher_logits_out = teacher_net(X1)
                teacher_prob_out = F.softmax(teacher_logits_out)

                # Supervised classification loss
                if double_softmax:
                    clf_loss = classification_criterion(src_prob_out, y_src)
                else:
                    clf_loss = classification_criterion(src_logits_out, y_src)

                unsup_loss, conf_mask_count, unsup_mask_count = compute_aug_loss(student_prob_out, teacher_prob_out)

                loss_expr = clf_loss + unsup_loss * unsup_weight

                loss_expr.backward()
                student_optimizer.step()
                teacher_optimizer.step()

                outputs = [float(clf_loss.data.cpu().numpy()) * n_samples, float(unsup_loss.data.cpu().numpy()) * n_total]
                return tuple(outputs)
        else:
            def f_train(X_src, y_src, X_tgt0, X_tgt1):
                X_src = torch.autograd.Variable(torch.from_numpy(X_src).cuda())
                y_src = torch.autograd.Variable(torch.from_numpy(y_src).long().cuda())
                X_tgt0 = torch.autograd.Variable(torch.from_numpy(X_tgt0).cuda())
                X_tgt1 = torch.autograd.Variable(torch.from_numpy(X_tgt1).cuda())

                student_optimizer.zero_grad()
                student_net.train(mode=True)
                teacher_net.train(mode=True)

                src_logits_out = student_net(X_src)
                student_tgt_logits_out = student_net(X_tgt0)
                student_tgt_prob_out = F.softmax(student_tgt_logits_out)
                teacher_tgt_logits_out = teacher_net(X_tgt1)
                teacher_tgt_prob_out = F.softmax(teacher_tgt_logits_out)

                # Supervised classification loss
                if double_softmax:
                    clf_loss = classification_criterion(F.softmax(src_logits_out), y_src)
                else:
                    clf_loss = classification_criterion(src_logits_out, y_src)

                unsup_loss, conf_mask_count, unsup_mask_count = compute_aug_loss(student_tgt_prob_out, teacher_tgt_prob_out)

                loss_expr = clf_loss + unsup_loss * unsup_weight

                loss_expr.backward()
                student_optimizer.step()
                teacher_optimizer.step()

                n_samples = X_src.size()[0]

                outputs = [float(clf_loss.data.cpu().numpy()) * n_samples, float(unsup_loss.data.cpu().numpy()) * n_samples]
                return tuple(outputs)

        def f_pred_src(X_sup):
            X_var = torch.autograd.Variable(torch.from_numpy(X_sup).cuda())
            student_net.train(mode=False)
            teacher_net.train(mode=False)
            return (F.softmax(student_net(X_var)).data.cpu().numpy(), F.softmax(teacher_net(X_var)).data.cpu().numpy())
