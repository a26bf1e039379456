"""Genome language models: the hybrid (dilated residual convolutions, then ALiBi attention) and the
attention-free Hyena model (HyenaDNA's operator: gated implicit long convolutions applied by FFT).

One file, read top to bottom (nanoGPT style). Layer names match src/model/hybrid.ts so exported
weight keys map one to one. Shapes: B batch, T tokens, D width, H heads, Dh = D / H.
Why this shape: a plain transformer with learned positions learned only base composition here
(see training/RESULTS.md); locality bias from convolutions and ALiBi is what made it learn.
"""
from dataclasses import dataclass, field
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from contracts import CONTRACTS
# Vocabulary shared with src/genome/tokens.ts (contracts.json). Bases first so that ids 0..3 index the output head.
VOCAB = CONTRACTS["vocab"]["tokens"]
A, C, G, T, N_ID, MASK_ID, BOS_ID = range(7)   # fixed here; training/test_contracts.py checks them against VOCAB


@dataclass
class GLMConfig:
    objective: str = "mlm"          # "mlm" (bidirectional, masked) or "clm" (causal, next base)
    d_model: int = 128              # residual width D
    n_heads: int = 4                # attention heads H (ALiBi slope of head h = 0..H-1: 2^(-8(h+1)/H))
    d_ff: int = 512                 # feed-forward hidden width
    conv_kernel: int = 9            # odd, so a centred conv keeps length
    conv_dilations: list = field(default_factory=lambda: [1, 2, 4, 8])  # one conv block each
    n_attn: int = 2                 # attention blocks after the conv blocks
    context: int = 512              # training window; ALiBi lets inference use shorter ones
    vocab_size: int = len(VOCAB)
    n_out: int = 4                  # the head predicts A, C, G, T only
    ln_eps: float = 1e-5
    # arch "hyena": n_hyena Hyena blocks and nothing else (conv_dilations and n_attn must be empty / 0)
    arch: str = "hybrid"            # "hybrid" or "hyena"
    n_hyena: int = 0
    short_kernel: int = 3           # HyenaDNA's short depthwise conv over the three projected streams
    filter_order: int = 64          # hidden width of the implicit filter's MLP
    filter_bands: int = 8           # positional features: lag / max_len, then cos and sin of 8 periods
    max_len: int = 16384            # longest lag the filter is defined for = longest input read in one pass
    decay_lags: tuple = (16, 16384) # per-channel exponential window falls to 1% at lags from 16 to 16,384 bases

    def __post_init__(self):
        if self.arch == "hyena" and (self.conv_dilations or self.n_attn or self.objective != "clm" or self.n_hyena < 1):
            raise ValueError("arch hyena: causal (objective clm), n_hyena >= 1, no conv_dilations and n_attn 0")

    @classmethod
    def from_architecture(cls, objective: str, a: dict) -> "GLMConfig":
        """The config of an exported model.json's architecture (export.architecture_meta writes it)."""
        if a["type"] == "hyena":
            keys = ("d_model", "d_ff", "n_hyena", "short_kernel", "filter_order", "filter_bands", "max_len", "context", "ln_eps")
            return cls(objective=objective, arch="hyena", conv_dilations=[], n_attn=0, decay_lags=tuple(a["decay_lags"]), **{k: a[k] for k in keys})
        keys = ("d_model", "n_heads", "d_ff", "conv_kernel", "conv_dilations", "n_attn", "context", "ln_eps")
        return cls(objective=objective, **{k: a[k] for k in keys})

    @property
    def causal(self) -> bool:
        return self.objective == "clm"


def gelu(x):
    # tanh approximation: the same formula is written out in the TypeScript runtime
    return F.gelu(x, approximate="tanh")


def alibi_slopes(n_heads: int) -> torch.Tensor:
    return torch.tensor([2.0 ** (-8.0 * (h + 1) / n_heads) for h in range(n_heads)])


def alibi_bias(n_heads: int, T: int, causal: bool) -> torch.Tensor:
    """[H, T, T] additive bias: -slope * distance, and -inf above the diagonal when causal."""
    pos = torch.arange(T)
    dist = (pos[None, :] - pos[:, None]).abs().float()          # [T, T] |j - i|
    bias = -alibi_slopes(n_heads)[:, None, None] * dist[None]    # [H, T, T]
    if causal:
        bias = bias.masked_fill(pos[None, None, :] > pos[None, :, None], float("-inf"))
    return bias


class FeedForward(nn.Module):
    def __init__(self, cfg: GLMConfig):
        super().__init__()
        self.fc1 = nn.Linear(cfg.d_model, cfg.d_ff)
        self.fc2 = nn.Linear(cfg.d_ff, cfg.d_model)

    def forward(self, x):
        return self.fc2(gelu(self.fc1(x)))


class ConvMixer(nn.Module):
    """Dilated conv over positions; centred for MLM, left-padded (causal) for CLM."""

    def __init__(self, cfg: GLMConfig, dilation: int):
        super().__init__()
        self.dilation, self.kernel, self.causal = dilation, cfg.conv_kernel, cfg.causal
        self.conv = nn.Conv1d(cfg.d_model, cfg.d_model, cfg.conv_kernel, dilation=dilation)

    def forward(self, x):                                         # x: [B, T, D]
        span = self.dilation * (self.kernel - 1)
        left = span if self.causal else span // 2
        h = F.pad(x.transpose(1, 2), (left, span - left))         # [B, D, T + span]
        return gelu(self.conv(h)).transpose(1, 2)                 # [B, T, D]


class AttnMixer(nn.Module):
    def __init__(self, cfg: GLMConfig):
        super().__init__()
        self.n_heads = cfg.n_heads
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.out = nn.Linear(cfg.d_model, cfg.d_model)

    def forward(self, x, bias, return_probs=False):               # x: [B, T, D], bias: [H, T, T]
        B, T, D = x.shape
        q, k, v = self.qkv(x).split(D, dim=2)
        q, k, v = (t.view(B, T, self.n_heads, D // self.n_heads).transpose(1, 2) for t in (q, k, v))  # [B, H, T, Dh]
        scores = q @ k.transpose(-2, -1) / math.sqrt(D // self.n_heads) + bias   # [B, H, T, T]
        probs = scores.softmax(dim=-1)
        y = (probs @ v).transpose(1, 2).reshape(B, T, D)
        return self.out(y), (probs if return_probs else None)


class Sin(nn.Module):
    """sin(freq * x) with a learned frequency per channel (HyenaDNA's filter activation)."""

    def __init__(self, dim: int):
        super().__init__()
        self.freq = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        return torch.sin(self.freq * x)


def filter_features(cfg: GLMConfig, T: int) -> torch.Tensor:
    """[T, 1 + 2 * bands] features of lags 0..T-1: lag / max_len, then cos and sin at periods from 4 bases to
    max_len (geometric). Computed in float64, as src/model/ops/hyenaFilter.ts does; they depend on the lag only."""
    j = torch.arange(T, dtype=torch.float64)[:, None]
    periods = 4.0 * (cfg.max_len / 4.0) ** (torch.arange(cfg.filter_bands, dtype=torch.float64) / (cfg.filter_bands - 1))
    ang = 2 * math.pi * j / periods[None]
    return torch.cat([j / cfg.max_len, torch.cos(ang), torch.sin(ang)], dim=1).float()


def decay_window(cfg: GLMConfig, T: int) -> torch.Tensor:
    """[T, D] exponential window exp(-rate_d * lag): channel d falls to 1% at a lag geometric in decay_lags."""
    lo, hi = cfg.decay_lags
    lags = lo * (hi / lo) ** (torch.arange(cfg.d_model, dtype=torch.float64) / (cfg.d_model - 1))
    j = torch.arange(T, dtype=torch.float64)[:, None]
    return torch.exp(-j * (math.log(100.0) / lags)[None]).float()


class HyenaFilter(nn.Module):
    """Implicit long filter h [T, D]: a small MLP with sine activations over positional features of the lag,
    times an exponential decay window (fixed, not learned), plus a per-channel skip `bias` (Hyena's D term)."""

    def __init__(self, cfg: GLMConfig):
        super().__init__()
        self.cfg = cfg
        n_in, o = 1 + 2 * cfg.filter_bands, cfg.filter_order
        self.fc0, self.act0 = nn.Linear(n_in, o), Sin(o)
        self.fc1, self.act1 = nn.Linear(o, o), Sin(o)
        self.fc2, self.act2 = nn.Linear(o, o), Sin(o)
        self.out = nn.Linear(o, cfg.d_model, bias=False)
        self.bias = nn.Parameter(torch.randn(cfg.d_model) * 0.02)

    def forward(self, T: int) -> torch.Tensor:                   # -> [T, D]
        z = filter_features(self.cfg, T)
        h = self.act2(self.fc2(self.act1(self.fc1(self.act0(self.fc0(z))))))
        return self.out(h) * decay_window(self.cfg, T)


def fft_causal_conv(v: torch.Tensor, h: torch.Tensor) -> torch.Tensor:
    """y[b, t, d] = sum_{j <= t} h[j, d] v[b, t - j, d], by FFT zero-padded to 2T (no wrap-around)."""
    T = v.shape[1]
    n = 2 * T
    y = torch.fft.irfft(torch.fft.rfft(v, n=n, dim=1) * torch.fft.rfft(h, n=n, dim=0)[None], n=n, dim=1)
    return y[:, :T]


class HyenaMixer(nn.Module):
    """HyenaDNA's order-2 operator (causal): project to three streams x0, x1, v; short causal depthwise conv
    over them; v * x1; long causal conv with the implicit filter (+ bias * input); times x0; project out."""

    def __init__(self, cfg: GLMConfig):
        super().__init__()
        D, k = cfg.d_model, cfg.short_kernel
        self.in_proj = nn.Linear(D, 3 * D)
        self.short_conv = nn.Conv1d(3 * D, 3 * D, k, groups=3 * D)   # weight [3D, 1, k]
        self.filter = HyenaFilter(cfg)
        self.out_proj = nn.Linear(D, D)

    def forward(self, x):                                         # x: [B, T, D]
        B, T, D = x.shape
        u = self.in_proj(x).transpose(1, 2)                       # [B, 3D, T]
        u = self.short_conv(F.pad(u, (self.short_conv.kernel_size[0] - 1, 0))).transpose(1, 2)  # [B, T, 3D]
        x0, x1, v = u.split(D, dim=2)                             # each [B, T, D]
        v = v * x1
        y = fft_causal_conv(v, self.filter(T)) + v * self.filter.bias
        return self.out_proj(y * x0)


class Block(nn.Module):
    """Pre-norm residual block: x + mixer(norm1(x)), then x + ffn(norm2(x))."""

    def __init__(self, cfg: GLMConfig, mixer: nn.Module):
        super().__init__()
        self.norm1 = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.mixer = mixer
        self.norm2 = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.ffn = FeedForward(cfg)


class HybridGLM(nn.Module):
    def __init__(self, cfg: GLMConfig):
        super().__init__()
        self.cfg = cfg
        self.embed = nn.Embedding(cfg.vocab_size, cfg.d_model)
        mixers = ([ConvMixer(cfg, d) for d in cfg.conv_dilations] + [HyenaMixer(cfg) for _ in range(cfg.n_hyena)]
                  + [AttnMixer(cfg) for _ in range(cfg.n_attn)])
        self.blocks = nn.ModuleList(Block(cfg, m) for m in mixers)
        self.norm_f = nn.LayerNorm(cfg.d_model, eps=cfg.ln_eps)
        self.head = nn.Linear(cfg.d_model, cfg.n_out)

    def forward(self, tokens, attn_layers=()):
        """Sequence tokens [B, T] -> logits [B, T, 4] and {attention layer index: probs [B, H, T, T]}.

        A causal model shifts its input here (clm_inputs), as the runtime's forwardTensors does, so logit t
        predicts base t from the bases before it. Attention layers are numbered from 0 among the attention
        blocks only."""
        B, T = tokens.shape
        x = self.embed(clm_inputs(tokens) if self.cfg.causal else tokens)   # [B, T, D]
        bias = alibi_bias(self.cfg.n_heads, T, self.cfg.causal).to(x.dtype) if self.cfg.n_attn else None
        attn, a = {}, 0
        for blk in self.blocks:
            h = blk.norm1(x)
            if isinstance(blk.mixer, AttnMixer):
                h, probs = blk.mixer(h, bias, return_probs=a in attn_layers)
                if probs is not None:
                    attn[a] = probs
                a += 1
            else:
                h = blk.mixer(h)
            x = x + h
            x = x + blk.ffn(blk.norm2(x))
        return self.head(self.norm_f(x)), attn


def clm_inputs(tokens: torch.Tensor) -> torch.Tensor:
    """Shift right behind [BOS]: output i then predicts base i from bases < i."""
    bos = torch.full_like(tokens[:, :1], BOS_ID)
    return torch.cat([bos, tokens[:, :-1]], dim=1)
