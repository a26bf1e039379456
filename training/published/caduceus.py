"""Caduceus (kuleshov-group caduceus-ph / caduceus-ps, PlantCaduceus; config.json model_type "caduceus") as a
PyTorch module: the embedding, n_layer blocks of add -> norm -> BiMamba (each block returns its un-normed residual),
norm_f on hidden + residual, and an LM head tied to the embedding.

With rcps (Caduceus-ps) hidden states are [forward half | reverse-complement half], 2 x d_model wide: the embedding
appends the embedding of the reverse complement flipped in length and channels, the mixer runs on the first half
and on the second flipped in length and channels (its output flipped back), and the head adds the second half
(channel-flipped) against the complement rows of the embedding. The published fused_add_norm path normalises the
SECOND half of hidden + residual as the forward lane and the first, flipped, as the rc lane: it swaps the halves
at every block; the non-fused path (fused_add_norm=False) does not. norm_f never swaps.
Shapes: B batch, L positions, D d_model, V padded vocabulary.
"""
import torch
import torch.nn.functional as F
from torch import nn

from mamba import BiMamba


def read_config(c):
    vocab = -(-c["vocab_size"] // c.get("pad_vocab_size_multiple", 8)) * c.get("pad_vocab_size_multiple", 8)
    comp = [int(c["complement_map"][str(i)]) if str(i) in c["complement_map"] else i for i in range(vocab)]
    ssm, d = c.get("ssm_cfg") or {}, c["d_model"]
    rank = ssm.get("dt_rank", "auto")
    return dict(d=d, n_layer=c["n_layer"], vocab=vocab, complement=comp, rcps=c["rcps"],
                bidirectional=c["bidirectional"], tie=c["bidirectional_weight_tie"], fused=c["fused_add_norm"],
                rms=c["rms_norm"], eps=c["norm_epsilon"],
                ssm=dict(d_inner=int(ssm.get("expand", 2) * d), d_state=ssm.get("d_state", 16),
                         d_conv=ssm.get("d_conv", 4), dt_rank=-(-d // 16) if rank == "auto" else rank,
                         conv_bias=ssm.get("conv_bias", True), bias=ssm.get("bias", False)))


class RMSNorm(nn.Module):
    def __init__(self, d, eps):
        super().__init__()
        self.weight, self.eps = nn.Parameter(torch.ones(d)), eps

    def forward(self, x):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


def flip(x):
    """Reverse complement of hidden states: reversed in length and in channels."""
    return x.flip(dims=(-2, -1))


class RCEmbedding(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.embedding = nn.Embedding(s["vocab"], s["d"])
        self.register_buffer("complement_map", torch.tensor(s["complement"]))

    def forward(self, ids):
        rc_ids = self.complement_map[ids.flip(-1)]
        return torch.cat([self.embedding(ids), flip(self.embedding(rc_ids))], dim=-1)


class RCHead(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.lm_head = nn.Linear(s["d"], s["vocab"], bias=False)
        self.register_buffer("complement_map", torch.tensor(s["complement"]))

    def forward(self, x):
        d = x.shape[-1] // 2
        w = self.lm_head.weight
        return F.linear(x[..., :d], w) + F.linear(x[..., d:].flip(-1), w[self.complement_map])


class RCWrapper(nn.Module):
    def __init__(self, submodule):
        super().__init__()
        self.submodule = submodule

    def forward(self, x):  # both lanes in one batch: they share the module
        d, b = x.shape[-1] // 2, x.shape[0]
        out = self.submodule(torch.cat([x[..., :d], flip(x[..., d:])], dim=0))
        return torch.cat([out[:b], flip(out[b:])], dim=-1)


class Layer(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.s = s
        self.norm = RMSNorm(s["d"], s["eps"]) if s["rms"] else nn.LayerNorm(s["d"], eps=s["eps"])
        mixer = BiMamba(s["d"], s["ssm"], s["bidirectional"], s["tie"])
        self.mixer = RCWrapper(mixer) if s["rcps"] else mixer

    def forward(self, x, residual):
        total = x if residual is None else x + residual
        if not self.s["rcps"]:
            return self.mixer(self.norm(total)), total
        d = total.shape[-1] // 2
        a, b = total[..., :d], total[..., d:]
        if self.s["fused"]:
            a, b = b, a  # the fused path's swap
        normed = torch.cat([self.norm(a), flip(self.norm(flip(b)))], dim=-1)
        return self.mixer(normed), torch.cat([a, b], dim=-1)


class Backbone(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.s = s
        words = RCEmbedding(s) if s["rcps"] else nn.Embedding(s["vocab"], s["d"])
        self.embeddings = nn.Module()
        self.embeddings.word_embeddings = words
        self.layers = nn.ModuleList(Layer(s) for _ in range(s["n_layer"]))
        self.norm_f = RMSNorm(s["d"], s["eps"]) if s["rms"] else nn.LayerNorm(s["d"], eps=s["eps"])

    def forward(self, ids):
        x, residual = self.embeddings.word_embeddings(ids), None
        for layer in self.layers:
            x, residual = layer(x, residual)
        total = x + residual
        if not self.s["rcps"]:
            return self.norm_f(total)
        d = total.shape[-1] // 2
        return torch.cat([self.norm_f(total[..., :d]), flip(self.norm_f(flip(total[..., d:])))], dim=-1)


class Caduceus(nn.Module):
    def __init__(self, s):
        super().__init__()
        self.s = s
        self.caduceus = nn.Module()
        self.caduceus.backbone = Backbone(s)
        words = self.caduceus.backbone.embeddings.word_embeddings
        self.lm_head = RCHead(s) if s["rcps"] else nn.Linear(s["d"], s["vocab"], bias=False)
        head = self.lm_head.lm_head if s["rcps"] else self.lm_head
        head.weight = (words.embedding if s["rcps"] else words).weight  # tied

    def forward(self, ids):  # [B, L] -> logits [B, L, V]
        return self.lm_head(self.caduceus.backbone(ids))

    def load_published(self, tensors):
        """Strict: every key of the file read; the tied tensors a file omits read from their twins."""
        embedding = [k for k in self.state_dict() if "word_embeddings" in k and k.endswith("weight")][0]
        state, used = {}, set()
        for key in self.state_dict():
            name = key
            tied = self.s["tie"] and (".mamba_rev.in_proj." in key or ".mamba_rev.out_proj." in key)
            if name not in tensors and tied:  # in_proj / out_proj shared by both directions
                name = key.replace(".mamba_rev.", ".mamba_fwd.")
            if name not in tensors and key.startswith("lm_head.") and key.endswith("weight"):
                name = embedding
            state[key] = tensors[name]
            used.add(name)
        extra = sorted(set(tensors) - used)
        if extra:
            raise KeyError(f"keys this Caduceus does not read: {', '.join(extra[:5])}")
        self.load_state_dict(state, strict=True)
        for buffer in [k for k in state if k.endswith("complement_map")]:
            if state[buffer].tolist() != self.s["complement"]:
                raise ValueError(f"{buffer} differs from config.json's complement_map (padded)")


def build(config, fused_add_norm=None):
    """`fused_add_norm` overrides the config's (False: the non-fused path, which does not swap)."""
    s = read_config(config)
    if fused_add_norm is not None:
        s["fused"] = fused_add_norm
    return Caduceus(s)
