# source: pytorch/ignite/examples/mnist/mnist.py@16c6714dab044378346be942f24b091dcd5438ad
from argparse import ArgumentParser

from torch import nn
from torch.optim import SGD
from torch.utils.data import DataLoader
import torch
import torch.nn.functional as F
from torchvision.transforms import Compose, ToTensor, Normalize
from torchvision.datasets import MNIST

from ignite.engine import Events, create_supervised_trainer, create_supervised_evaluator
from ignite.metrics import CategoricalAccuracy, Loss

from tqdm import tqdm


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)

    def forward(self, x):
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=-1)


def get_data_loaders(train_batch_size, val_batch_size):
    data_transform = Compose([ToTensor(), Normalize((0.1307,), (0.3081,))])

    train_loader = DataLoader(MNIST(download=True, root=".", transform=data_transform, train=True),
                              batch_size=train_batch_size, shuffle=True)

    val_loader = DataLoader(MNIST(download=False, root=".", transform=data_transform, train=False),
                            batch_size=val_batch_size, shuffle=False)
    return train_loader, val_loader


def run(train_batch_size, val_batch_size, epochs, lr, momentum, log_interval):
    train_loader, val_loader = get_data_loaders(train_batch_size, val_batch_size)
    model = Net()
    device = 'cpu'

    if torch.cuda.is_available():
        device = 'cuda'

    optimizer = SGD(model.parameters(), lr=lr, momentum=momentum)
    trainer = create_supervised_trainer(model, optimizer, F.nll_loss, device=device)
    evaluator = create_supervised_evaluator(model,
                                            metrics={'accuracy': CategoricalAccuracy(),
                                                     'nll': Loss(F.nll_loss)},
                                            device=device)

    @trainer.on(Events.ITERATION_COMPLETED)
    def log_training_loss(engine):
        iter = (engine.state.iteration - 1) % len(train_loader) + 1
        desc = "ITERATION - loss: {:.2f}".format(engine.state.output)

        if iter == 1:
            engine.state.pdbar_iter = tqdm(
                initial=log_interval, leave=False, total=len(train_loader),
                desc=desc
            )
        elif iter % log_interval == 0:
            engine.state.pdbar_iter.desc = desc
            engine.state.pdbar_iter.update(log_interval)

    @trainer.on(Events.STARTED)
    def pbar_epoch_start(engine):
        desc = 'EPOCH - '
        desc += 'acc: {:.2f}, loss: {:.2f}, '.format(0, 0)
        desc += 'val_acc: {:.2f}, val_loss: {:.2f}'.format(0, 0)
        engine.state.pdbar_epoch = tqdm(total=epochs, initial=1, desc=desc)

    @trainer.on(Events.EPOCH_COMPLETED)
    def log_training_results(engine):
        evaluator.run(train_loader)
        metrics = evaluator.state.metrics
        tr_accuracy = metrics['accuracy']
        tr_nll = metrics['nll']

        evaluator.run(val_loader)
        metrics = evaluator.state.metrics
        val_accuracy = metrics['accuracy']
        val_nll = metrics['nll']

        desc = 'EPOCH - '
        desc += 'acc: {:.2f}, loss: {:.2f}, '.format(tr_accuracy, tr_nll)
        desc += 'val_acc: {:.2f}, val_loss: {:.2f}'.format(
            val_accuracy, val_nll
        )

        engine.state.pdbar_epoch.desc = desc
        engine.state.pdbar_epoch.update()
        engine.state.pdbar_iter.close()

        if engine.state.epoch == args.epochs:
            engine.state.pdbar_epoch.clear()
            result = 'RESULTS - acc: {:.2f}, loss: {:.2f}, '.format(tr_accuracy, tr_nll)
            result += 'val_acc: {:.2f}, val_loss: {:.2f}'.format(
                val_accuracy, val_nll
            )
            print(result)

    trainer.run(train_loader, max_epochs=epochs)


if __name__ == "__main__":
    parser = ArgumentParser()
    parser.add_argument('--batch_size', type=int, default=64,
                        help='input batch size for training (default: 64)')
    parser.add_argument('--val_batch_size', type=int, default=1000,
                        help='input batch size for validation (default: 1000)')
    parser.add_argument('--epochs', type=int, default=10,
                        help='number of epochs to train (default: 10)')
    parser.add_argument('--lr', type=float, default=0.01,
                        help='learning rate (default: 0.01)')
    parser.add_argument('--momentum', type=float, default=0.5,
                        help='SGD momentum (default: 0.5)')
    parser.add_argument('--log_interval', type=int, default=10,
                        help='how many batches to wait before logging training status')

    args = parser.parse_args()

    run(args.batch_size, args.val_batch_size, args.epochs, args.lr, args.momentum, args.log_interval)
