# source: Adenialzz/SimpleImageGeneration/Diffusers/ddpm/ddpm/ema.py@c83f5aef6b76492a3b3a332116ede3e4d943a2e4

class EMA:
    def __init__(self, decay):
        self.decay = decay
    
    def update_average(self, old, new):
        if old is None:
            return new
        return old * self.decay + (1 - self.decay) * new

    def update_model_average(self, ema_model, current_model):
        for ema_params, current_params in zip(ema_model.parameters(), current_model.parameters()):
            old, new = ema_params.data, current_params.data
            ema_params = self.update_average(old, new)
