// The math core's seeded generator (src/core/random.ts: splitmix32 → xoshiro128** → Box–Muller),
// written out in Python for the exported scripts, so that a script draws exactly the weights the
// panel drew from the same seed and PyTorch reproduces the panel's numbers.

export const PYTHON_CREATE_RNG = `M32 = 0xFFFFFFFF


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
`;
