"""Hybrid genome language model: dilated residual convolutions, then ALiBi attention.

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

# Vocabulary shared with src/genome/tokens.ts. Bases first so that ids 0..3 index the output head.
VOCAB = ["A", "C", "G", "T", "N", "[MASK]", "[BOS]"]
A, C, G, T, N_ID, MASK_ID, BOS_ID = range(7)


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
        mixers = [ConvMixer(cfg, d) for d in cfg.conv_dilations] + [AttnMixer(cfg) for _ in range(cfg.n_attn)]
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
        bias = alibi_bias(self.cfg.n_heads, T, self.cfg.causal).to(x.dtype)
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
