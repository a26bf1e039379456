"""Mamba v1 (the mixer of Caduceus) as a PyTorch module, with the selective scan run step by step in torch:
in_proj -> x, z; u = SiLU(causal depthwise conv(x)); x_proj -> dt, B, C; delta = softplus(dt_proj(dt));
h_t = exp(delta_t A) h_{t-1} + delta_t B_t u_t, y_t = C_t . h_t + D u_t; out_proj(y * SiLU(z)).
Shapes: B batch, L positions, D d_model, Di inner width, R dt rank, N state size.
"""
import torch
import torch.nn.functional as F
from torch import nn

# Steps whose exp(delta A) and delta B u are formed at once: [B, CHUNK, Di, N] stays in cache, where the whole
# [B, L, Di, N] (the reference implementation's way) is hundreds of MB at a long input.
CHUNK = 64


def selective_scan(u, delta, A, Bm, Cm):
    """u, delta [B, L, Di]; A [Di, N]; Bm, Cm [B, L, N] -> y [B, L, Di] without the D skip (float32, in order)."""
    b, L, di = u.shape
    h = u.new_zeros(b, di, A.shape[1])
    ys = []
    for start in range(0, L, CHUNK):
        end = min(L, start + CHUNK)
        d = delta[:, start:end].transpose(0, 1)  # [c, B, Di]: step-major, so each step's slice is contiguous
        dA = torch.exp(d.unsqueeze(-1) * A)  # [c, B, Di, N]
        hs = (d * u[:, start:end].transpose(0, 1)).unsqueeze(-1) * Bm[:, start:end].transpose(0, 1).unsqueeze(2)
        for i in range(end - start):  # hs[i] holds delta B u, then becomes h_i = exp(delta A) h_{i-1} + delta B u
            h = hs[i].addcmul_(dA[i], h)
        ys.append(torch.matmul(hs, Cm[:, start:end].transpose(0, 1).unsqueeze(-1)).squeeze(-1).transpose(0, 1))
    return torch.cat(ys, dim=1)


class Mamba(nn.Module):
    def __init__(self, d, ssm, in_proj=None, out_proj=None):
        """`in_proj` / `out_proj`: modules shared with another Mamba (Caduceus ties mamba_rev's to mamba_fwd's)."""
        super().__init__()
        di, n, k, self.rank = ssm["d_inner"], ssm["d_state"], ssm["d_conv"], ssm["dt_rank"]
        self.n = n
        self.in_proj = in_proj or nn.Linear(d, 2 * di, bias=ssm["bias"])
        self.conv1d = nn.Conv1d(di, di, k, groups=di, padding=k - 1, bias=ssm["conv_bias"])
        self.x_proj = nn.Linear(di, self.rank + 2 * n, bias=False)
        self.dt_proj = nn.Linear(self.rank, di, bias=True)
        self.A_log = nn.Parameter(torch.zeros(di, n))
        self.D = nn.Parameter(torch.ones(di))
        self.out_proj = out_proj or nn.Linear(di, d, bias=ssm["bias"])

    def forward(self, x):  # [B, L, D] -> [B, L, D]
        L = x.shape[1]
        u, z = self.in_proj(x).chunk(2, dim=-1)
        u = F.silu(self.conv1d(u.transpose(1, 2))[..., :L]).transpose(1, 2)  # [B, L, Di], causal
        dt, Bm, Cm = self.x_proj(u).split([self.rank, self.n, self.n], dim=-1)
        delta = F.softplus(self.dt_proj(dt))  # [B, L, Di]
        y = selective_scan(u, delta, -torch.exp(self.A_log), Bm, Cm) + u * self.D
        return self.out_proj(y * F.silu(z))


class BiMamba(nn.Module):
    """mamba_fwd on the sequence plus mamba_rev on it reversed in time, its output reversed back."""

    def __init__(self, d, ssm, bidirectional, tie):
        super().__init__()
        self.mamba_fwd = Mamba(d, ssm)
        fwd = self.mamba_fwd
        self.mamba_rev = (Mamba(d, ssm, fwd.in_proj, fwd.out_proj) if tie else Mamba(d, ssm)) if bidirectional else None

    def forward(self, x):
        out = self.mamba_fwd(x)
        return out if self.mamba_rev is None else out + self.mamba_rev(x.flip(1)).flip(1)
