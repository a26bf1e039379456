"""GPN's ConvNet masked LM (songlab/gpn-brassicales; config.json model_type "ConvNet") as a PyTorch module: the
input one-hot over hidden_size channels, n_layers blocks of x + LN(GELU(dilated Conv1d 'same')), then
x + LN(GELU(Linear)), no final norm, and the head Linear -> GELU -> LN -> Linear(vocab). GELU is exact (erf).
Module indices follow the published keys (model.encoder.<i>.conv.1 is the conv, .conv.4 its norm, .ffn.0 / .ffn.2,
cls.decoder.0 / 2 / 3). Shapes: B batch, L positions, D hidden_size.
"""
import torch.nn.functional as F
from torch import nn

DEFAULTS = dict(vocab_size=7, hidden_size=512, n_layers=25, kernel_size=9, dilation_base=2, dilation_cycle=6,
                dilation_double_every=1, dilation_max=32)


def dilations(c):
    """Layer i: min(max, base ** ((i % cycle) // double_every))."""
    return [min(c["dilation_max"], c["dilation_base"] ** ((i % c["dilation_cycle"]) // c["dilation_double_every"]))
            for i in range(c["n_layers"])]


class Transpose(nn.Module):
    def forward(self, x):
        return x.transpose(1, 2)


class ConvLayer(nn.Module):
    def __init__(self, d, kernel, dilation):
        super().__init__()
        conv = nn.Conv1d(d, d, kernel, dilation=dilation, padding="same")
        self.conv = nn.Sequential(Transpose(), conv, Transpose(), nn.GELU(), nn.LayerNorm(d))
        self.ffn = nn.Sequential(nn.Linear(d, d), nn.GELU(), nn.LayerNorm(d))

    def forward(self, x):
        x = x + self.conv(x)
        return x + self.ffn(x)


class Encoder(nn.Module):
    def __init__(self, c):
        super().__init__()
        d = c["hidden_size"]
        self.encoder = nn.Sequential(*(ConvLayer(d, c["kernel_size"], r) for r in dilations(c)))


class Head(nn.Module):
    def __init__(self, d, vocab):
        super().__init__()
        self.decoder = nn.Sequential(nn.Linear(d, d), nn.GELU(), nn.LayerNorm(d), nn.Linear(d, vocab))


class GpnConvNet(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.d = c["hidden_size"]
        self.model = Encoder(c)
        self.cls = Head(self.d, c["vocab_size"])

    def forward(self, ids):  # [B, L] -> logits [B, L, V]
        return self.cls.decoder(self.model.encoder(F.one_hot(ids, self.d).float()))

    def load_published(self, tensors):
        self.load_state_dict(tensors, strict=True)


def build(config):
    if config.get("n_aux_features", 0):
        raise ValueError("n_aux_features: auxiliary input features are not part of this twin")
    return GpnConvNet({**DEFAULTS, **{k: config[k] for k in DEFAULTS if k in config}})
