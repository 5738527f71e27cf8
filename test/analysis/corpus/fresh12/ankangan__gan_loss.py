# source: Ankan1998/Generative-Adversarial-Networks/gan_loss.py@8d6299d81ab9c36ea09a644c53c1024beba1a90e
import torch
import torch.nn as nn

def disc_loss(gen, disc, criterion, real, num_images, z_dim, device):

    fake_noise = torch.randn(num_images, z_dim, device=device)
    fake = gen(fake_noise)
    disc_fake_pred = disc(fake.detach())
    disc_fake_loss = criterion(disc_fake_pred, torch.zeros_like(disc_fake_pred))
    disc_real_pred = disc(real)
    disc_real_loss = criterion(disc_real_pred, torch.ones_like(disc_real_pred))
    disc_loss = (disc_real_loss + disc_fake_loss)/2
    return disc_loss




def gen_loss(gen, disc, criterion, num_images, z_dim, device):

    fake_noise = torch.randn(num_images, z_dim, device=device)
    fake = gen(fake_noise)
    disc_fake_pred = disc(fake)
    gen_loss = criterion(disc_fake_pred, torch.ones_like(disc_fake_pred))
    return gen_loss

