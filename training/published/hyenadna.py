"""HyenaDNA (LongSafari/hyenadna-*; both published layouts) as a PyTorch module, written from the paper's
description and the fixture notes: prenorm blocks x + Hyena(LN(x)), x + MLP(LN(x)) with the tanh GELU, ln_f,
and a bias-free head. Hyena (order 2): in_proj to 3D, causal depthwise conv (kernel 3), x0, x1, v; the long
causal convolution of v * x1 with the block's implicit filter (by FFT) plus bias * (v * x1); out_proj of that * x0.
The filter: an MLP with Sin activations (one frequency vector shared by every Sin) over pos_emb.z, times the
window exp(-t |deltas|) + shift, z and t read from the checkpoint. Shapes: B batch, L tokens, D d_model.
"""
import torch
import torch.nn.functional as F
from torch import nn


def read_config(c):
    """config.json of either layout -> the sizes the module needs (absent keys: the official defaults)."""
    layer = c.get("layer")
    if "model_type" not in c:  # the original layout: the mixer's settings under "layer"
        eps = c.get("layer_norm_epsilon", 1e-5)
        return dict(layout="original", d=c["d_model"], n_layer=c["n_layer"], d_inner=c["d_inner"],
                    vocab=pad(c["vocab_size"], c.get("pad_vocab_size_multiple", 1)), l_max=layer["l_max"],
                    emb_dim=layer.get("emb_dim", 3), order=layer.get("filter_order", 64),
                    inner=layer.get("num_inner_mlps", 2), block_eps=eps, final_eps=eps,
                    shift=layer.get("shift", 0.05), tied=True, checkpointed=c.get("checkpoint_mixer", False))
    return dict(layout="hf", d=c["d_model"], n_layer=c["n_layer"], d_inner=c.get("d_inner", 4 * c["d_model"]),
                vocab=pad(c["vocab_size"], c.get("pad_vocab_size_multiple", 8)), l_max=c["max_seq_len"],
                emb_dim=c.get("emb_dim", 3), order=c.get("filter_order", 64), inner=c.get("num_inner_mlps", 2),
                block_eps=1e-5, final_eps=c.get("layer_norm_epsilon", 1e-5), shift=0.05,
                tied=c.get("tie_word_embeddings", True), checkpointed=False)


def pad(vocab, multiple):
    return -(-vocab // multiple) * multiple


class Sin(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.freq = nn.Parameter(torch.ones(1, width))

    def forward(self, x):
        return torch.sin(self.freq * x)


class PosEmb(nn.Module):
    def __init__(self, l_max, emb_dim):
        super().__init__()
        self.register_buffer("z", torch.zeros(1, l_max, emb_dim))
        self.register_buffer("t", torch.zeros(1, l_max, 1))


class Modulation(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.deltas = nn.Parameter(torch.zeros(1, 1, d))


class Filter(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.bias = nn.Parameter(torch.zeros(s["d"]))
        self.pos_emb = PosEmb(s["l_max"], s["emb_dim"])
        sin = Sin(s["order"])  # one module at every Sin position: its freq is saved under each index
        layers = [nn.Linear(s["emb_dim"], s["order"]), sin]
        for _ in range(s["inner"]):
            layers += [nn.Linear(s["order"], s["order"]), sin]
        self.implicit_filter = nn.Sequential(*layers, nn.Linear(s["order"], s["d"], bias=False))
        self.modulation = Modulation(s["d"])
        self.shift = s["shift"]

    def kernel(self, L):
        """[L, D]: the filter at lags 0..L-1."""
        h = self.implicit_filter(self.pos_emb.z[0, :L])
        return h * (torch.exp(-self.pos_emb.t[0, :L] * self.modulation.deltas[0].abs()) + self.shift)


def causal_fft_conv(v, k):
    """v [B, D, L], k [D, L] -> sum_{j <= t} k[:, j] v[:, t - j], zero-padded to 2L so nothing wraps."""
    L = v.shape[-1]
    n = 2 * L
    return torch.fft.irfft(torch.fft.rfft(v, n=n) * torch.fft.rfft(k, n=n), n=n)[..., :L]


class Hyena(nn.Module):
    def __init__(self, s):
        super().__init__()
        d = s["d"]
        self.in_proj = nn.Linear(d, 3 * d)
        self.short_filter = nn.Conv1d(3 * d, 3 * d, 3, padding=2, groups=3 * d)
        self.filter_fn = Filter(s)
        self.out_proj = nn.Linear(d, d)

    def forward(self, x):  # [B, L, D]
        L = x.shape[1]
        u = self.short_filter(self.in_proj(x).transpose(1, 2))[..., :L]  # [B, 3D, L], causal
        x0, x1, v = u.chunk(3, dim=1)
        g = v * x1
        y = causal_fft_conv(g, self.filter_fn.kernel(L).t()) + g * self.filter_fn.bias[:, None]
        return self.out_proj((y * x0).transpose(1, 2))


class Mlp(nn.Module):
    def __init__(self, d, inner):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(d, inner), nn.Linear(inner, d)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x), approximate="tanh"))


class Block(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.norm1, self.norm2 = nn.LayerNorm(s["d"], eps=s["block_eps"]), nn.LayerNorm(s["d"], eps=s["block_eps"])
        self.mixer, self.mlp = Hyena(s), Mlp(s["d"], s["d_inner"])

    def forward(self, x):
        x = x + self.mixer(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class Embeddings(nn.Module):
    def __init__(self, vocab, d):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab, d)


class HyenaDNA(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.s = s
        self.embeddings = Embeddings(s["vocab"], s["d"])
        self.layers = nn.ModuleList(Block(s) for _ in range(s["n_layer"]))
        self.ln_f = nn.LayerNorm(s["d"], eps=s["final_eps"])
        self.lm_head = nn.Linear(s["d"], s["vocab"], bias=False)

    def forward(self, ids):  # [B, L] -> logits [B, L, V]
        if ids.shape[1] > self.s["l_max"]:
            raise ValueError(f"HyenaDNA reads at most {self.s['l_max']} tokens; got {ids.shape[1]}")
        x = self.embeddings.word_embeddings(ids)
        for block in self.layers:
            x = block(x)
        return self.lm_head(self.ln_f(x))

    def published_name(self, key):
        """This module's state-dict key -> the file's, in the config's layout."""
        if key == "lm_head.weight":
            return "lm_head.weight" if self.s["layout"] == "hf" else "model.lm_head.weight"
        if self.s["layout"] == "hf":
            return "hyena.backbone." + key
        if self.s["checkpointed"]:  # trained with gradient checkpointing: the mixer and MLP nest one level deeper
            key = key.replace(".mixer.", ".mixer.layer.").replace(".mlp.", ".mlp.layer.")
        return "model.backbone." + key

    def load_published(self, tensors):
        """Strict: every key of the file is used, every tensor of the module is read (tied ones from their twin)."""
        emb = self.published_name("embeddings.word_embeddings.weight")
        state, used = {}, set()
        for key in self.state_dict():
            name = self.published_name(key)
            if name not in tensors and ".freq" in key:  # the -hf file keeps the shared Sin's freq once, under .1
                name = self.published_name(key.rsplit(".implicit_filter.", 1)[0] + ".implicit_filter.1.freq")
            if name not in tensors and key == "lm_head.weight" and self.s["tied"]:
                name = emb
            state[key] = tensors[name]
            used.add(name)
        extra = sorted(set(tensors) - used)
        if extra:
            raise KeyError(f"keys this HyenaDNA does not read: {', '.join(extra[:5])}")
        self.load_state_dict(state, strict=True)


def build(config):
    return HyenaDNA(read_config(config))
