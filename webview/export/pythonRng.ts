// The math core's seeded generator (src/core/random.ts: splitmix32 → xoshiro128** → Box–Muller,
// and the ziggurat of src/core/ziggurat.ts for fillNormal), written out in Python for the exported
// scripts, so that a script draws exactly the weights the panel drew from the same seed and
// PyTorch reproduces the panel's numbers.
import { ZIGGURAT_LAYERS, ZIGGURAT_R, ZIGGURAT_V } from "../../src/core/ziggurat";

export const PYTHON_CREATE_RNG = `M32 = 0xFFFFFFFF
ZIG_LAYERS, ZIG_R, ZIG_V = ${ZIGGURAT_LAYERS}, ${ZIGGURAT_R}, ${ZIGGURAT_V}


def _zig_f(t):
    return math.exp(-0.5 * t * t)


def _zig_tables():
    """Marsaglia & Tsang's ziggurat: layer i spans [0, x[i]] x [f(x[i]), f(x[i+1])], equal areas."""
    x = [0.0] * (ZIG_LAYERS + 1)
    x[0] = ZIG_V / _zig_f(ZIG_R)
    x[1] = ZIG_R
    for i in range(1, ZIG_LAYERS - 1):
        x[i + 1] = math.sqrt(-2 * math.log(ZIG_V / x[i] + _zig_f(x[i])))
    x[ZIG_LAYERS] = 0.0
    return x, [_zig_f(t) for t in x]


ZIG_X, ZIG_Y = _zig_tables()


def _imul(a, b):
    return (a * b) & M32


def _rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


class Rng:
    """createRng(seed) of Sigmoid Lab's math core: xoshiro128** seeded by splitmix32."""

    def __init__(self, seed):
        whole = int(seed)
        low = whole % 4294967296
        high = (whole // 4294967296) & M32
        s = (low ^ _imul(high, 0x27D4EB2F)) & M32

        def mix():
            nonlocal s
            s = (s + 0x9E3779B9) & M32
            z = s
            z = _imul(z ^ (z >> 16), 0x85EBCA6B)
            z = _imul(z ^ (z >> 13), 0xC2B2AE35)
            return (z ^ (z >> 16)) & M32

        self.a, self.b, self.c, self.d = mix(), mix(), mix(), mix()
        if (self.a | self.b | self.c | self.d) == 0:
            self.a = 1
        self.spare = None

    def next_uint32(self):
        result = _imul(_rotl(_imul(self.b, 5), 7), 9)
        t = (self.b << 9) & M32
        self.c ^= self.a
        self.d ^= self.b
        self.b ^= self.c
        self.a ^= self.d
        self.c ^= t
        self.d = _rotl(self.d, 11)
        return result

    def next(self):
        hi = self.next_uint32() >> 5
        lo = self.next_uint32() >> 6
        return (hi * 67108864 + lo) / 9007199254740992

    def normal(self):
        if self.spare is not None:
            spare, self.spare = self.spare, None
            return spare
        u = self.next()
        while u == 0:
            u = self.next()
        v = self.next()
        radius = math.sqrt(-2 * math.log(u))
        angle = 2 * math.pi * v
        self.spare = radius * math.sin(angle)
        return radius * math.cos(angle)

    def fill_normal(self, n, scale=1.0):
        """n draws of scale * N(0, 1) by the ziggurat (fillNormal in the panel)."""
        out = []
        while len(out) < n:
            w1 = self.next_uint32()  # layer (bits 0-6), sign (bit 7), 24-bit position
            i = w1 & (ZIG_LAYERS - 1)
            x = (w1 >> 8) / 16777216 * ZIG_X[i]
            if x >= ZIG_X[i + 1]:
                if i == 0:  # the tail beyond R
                    while True:
                        t = -math.log(1 - self.next()) / ZIG_R
                        e = -math.log(1 - self.next())
                        if e + e > t * t:
                            x = ZIG_R + t
                            break
                elif not ZIG_Y[i] + self.next() * (ZIG_Y[i + 1] - ZIG_Y[i]) < math.exp(-0.5 * x * x):
                    continue  # outside the wedge: draw again
            out.append((-x if w1 & 128 else x) * scale)
        return out
`;
