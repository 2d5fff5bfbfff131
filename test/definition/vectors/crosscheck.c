/* An independent C reimplementation of the jitconn definition, written from docs/definition.md, that
   cross-checks the known-answer vectors (test/definition/vectors/known-answers.json, docs/definition.md
   section 14). Not part of the test suite (it needs a C compiler):

       gcc -O2 -ffp-contract=off -o /tmp/crosscheck test/definition/vectors/crosscheck.c -lm && /tmp/crosscheck

   prints each listed line as position:float32-bits and a hash of 10^6 normal draws
   (16597304718464584279, which the TypeScript reference also gives). Gap search is a plain
   linear count here, on purpose, to differ from the reference's binary search. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <math.h>

static uint32_t rotl(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }

static void stream_state(uint32_t lo, uint32_t hi, uint32_t line, uint32_t block, uint32_t kind, uint32_t s[4]) {
  uint32_t a = lo ^ 0x61707865u, b = hi ^ 0x3320646eu, c = line ^ 0x79622d32u, d = (block | (kind << 16)) ^ 0x6b206574u;
  for (uint32_t r = 1; r <= 8; r++) {
    a += r * 0x9e3779b9u;
    a += b; d = rotl(d ^ a, 16);
    c += d; b = rotl(b ^ c, 12);
    a += b; d = rotl(d ^ a, 8);
    c += d; b = rotl(b ^ c, 7);
  }
  if ((a | b | c | d) == 0) a = 0x9e3779b9u;
  s[0] = a; s[1] = b; s[2] = c; s[3] = d;
}

static uint32_t next(uint32_t s[4]) {
  uint32_t result = rotl(s[0] + s[3], 7) + s[0];
  uint32_t t = s[1] << 9;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 11);
  return result;
}

/* gap table */
static uint32_t limits[65536];
static int nlimits;
static double eff;
static void gap_table(double p) {
  double q = 1.0 - p, qp = 1.0;
  nlimits = 0;
  for (int g = 1; g <= 65536; g++) {
    qp *= q;
    double t = floor(qp * 4294967296.0 + 0.5);
    if (t == 0) break;
    limits[nlimits++] = (uint32_t)(t - 1);
  }
  eff = 1.0 - (nlimits ? (double)limits[0] + 1 : 0) / 4294967296.0;
}
static int gap(uint32_t u) { int g = 0; while (g < nlimits && u <= limits[g]) g++; return g; }

/* detLog / detExp */
static int32_t hiword(double x) { uint64_t b; memcpy(&b, &x, 8); return (int32_t)(b >> 32); }
static double sethi(double x, int32_t h) { uint64_t b; memcpy(&b, &x, 8); b = (b & 0xffffffffu) | ((uint64_t)(uint32_t)h << 32); memcpy(&x, &b, 8); return x; }
static double det_log(double x) {
  int32_t hx = hiword(x), k = (hx >> 20) - 1023;
  hx &= 0x000fffff;
  int32_t i = (hx + 0x95f64) & 0x100000;
  x = sethi(x, hx | (i ^ 0x3ff00000));
  k += i >> 20;
  double f = x - 1.0, dk = k, s = f / (2.0 + f), z = s * s, w = z * z;
  double t1 = w * (3.999999999940941908e-1 + w * (2.222219843214978396e-1 + w * 1.531383769920937332e-1));
  double t2 = z * (6.666666666666735130e-1 + w * (2.857142874366239149e-1 + w * (1.818357216161805012e-1 + w * 1.479819860511658591e-1)));
  double r = t2 + t1, hfsq = 0.5 * f * f;
  return dk * 6.93147180369123816490e-1 - (hfsq - (s * (hfsq + r) + dk * 1.90821492927058770002e-10) - f);
}
static double det_exp(double x) {
  double kd = trunc(1.44269504088896338700e0 * x - 0.5);
  int32_t k = (int32_t)kd;
  double hi = x - kd * 6.93147180369123816490e-1, lo = kd * 1.90821492927058770002e-10, r = hi - lo, t = r * r;
  double c = r - t * (1.66666666666666019037e-1 + t * (-2.77777777770155933842e-3 + t * (6.61375632143793436117e-5 + t * (-1.65339022054652515390e-6 + t * 4.13813679705723846039e-8))));
  double y = 1 - ((lo - (r * c) / (2.0 - c)) - hi);
  return sethi(y, hiword(y) + (int32_t)((uint32_t)k << 20));
}

/* ziggurat */
static uint32_t zk[128]; static double zw[128], zf[128];
static const double R = 3.442619855899, V = 9.91256303526217e-3;
static void zig_tables(void) {
  double dn = R, tn = dn, q = V / det_exp(-0.5 * dn * dn);
  zk[0] = (uint32_t)floor(dn / q * 16777216.0); zk[1] = 0;
  zw[0] = q / 16777216.0; zw[127] = dn / 16777216.0;
  zf[0] = 1; zf[127] = det_exp(-0.5 * dn * dn);
  for (int i = 126; i >= 1; i--) {
    dn = sqrt(-2 * det_log(V / dn + det_exp(-0.5 * dn * dn)));
    zk[i + 1] = (uint32_t)floor(dn / tn * 16777216.0);
    tn = dn; zf[i] = det_exp(-0.5 * dn * dn); zw[i] = dn / 16777216.0;
  }
}
static double normal(uint32_t s[4]) {
  for (;;) {
    uint32_t word = next(s); int layer = word & 127, neg = (word & 128) != 0; uint32_t mag = word >> 8;
    double x = mag * zw[layer];
    if (mag < zk[layer]) return neg ? -x : x;
    if (layer == 0) for (;;) {
      double xt = -det_log(((double)next(s) + 1) * 0x1p-32) / R;
      double yt = -det_log(((double)next(s) + 1) * 0x1p-32);
      if (yt + yt >= xt * xt) return neg ? -(R + xt) : R + xt;
    }
    double h = zf[layer] + next(s) * 0x1p-32 * (zf[layer - 1] - zf[layer]);
    if (h < det_exp(-0.5 * x * x)) return neg ? -x : x;
  }
}

/* law: 0 scalar(a), 1 normal(a + b z), 2 uniform(a + b u) */
static void walk(uint32_t lo, uint32_t hi, double p, int law, double a, double b, uint32_t line, uint64_t length, uint64_t from, uint64_t to, const char *name) {
  gap_table(p);
  uint64_t count = 0;
  printf("%s line %u:", name, line);
  for (uint64_t block = 0; block * 65536 < length; block++) {
    uint64_t base = block * 65536, end = length - base < 65536 ? length - base : 65536;
    uint32_t st[4], sw[4];
    stream_state(lo, hi, line, (uint32_t)block, 0, st);
    stream_state(lo, hi, line, (uint32_t)block, 1, sw);
    int64_t pos = -1;
    for (;;) {
      pos += 1 + gap(next(st));
      if (pos >= (int64_t)end) break;
      double v = law == 0 ? a : law == 1 ? a + b * normal(sw) : a + b * ((next(sw) >> 8) * 0x1p-24);
      float w = (float)v; uint32_t bits; memcpy(&bits, &w, 4);
      count++;
      if (base + pos >= from && base + pos < to) printf(" %llu:0x%08x", (unsigned long long)(base + pos), bits);
    }
  }
  printf(" count %llu\n", (unsigned long long)count);
}

int main(void) {
  zig_tables();
  printf("zk %u %u %u %u .. %u\nzw %.17g %.17g .. %.17g\nzf %.17g %.17g .. %.17g\n", zk[0], zk[1], zk[2], zk[3], zk[127], zw[0], zw[1], zw[127], zf[0], zf[1], zf[127]);
  for (uint32_t l = 0; l < 3; l++) walk(12345, 0, 0.1, 1, 0, 0.1, l, 200, 0, 200, "normal-r");
  for (uint32_t l = 0; l < 2; l++) walk(7, 256, 0.5, 2, -0.1, 0.4, l, 24, 0, 24, "uniform-bigint");
  walk(2024, 0, 0.01, 1, 0, 1, 0, 70000, 65300, 66000, "block-boundary");
  for (uint32_t l = 0; l < 3; l++) walk(42, 0, 0.2, 0, (float)0.5, 0, l, 30, 0, 30, "scalar-c");
  walk(1, 0, 1e-11, 0, 1, 0, 411981, 65536, 0, 65536, "tiny-p");
  uint32_t s[4];
  uint32_t keys[][5] = {{0,0,0,0,0},{12345,0,0,0,0},{12345,0,0,0,1},{7,256,1,1,0},{0xffffffffu,0xffffffffu,0xffffffffu,0xffff,1}};
  for (int i = 0; i < 5; i++) { stream_state(keys[i][0], keys[i][1], keys[i][2], keys[i][3], keys[i][4], s); printf("key %u %u %u %u %u -> 0x%08x 0x%08x 0x%08x 0x%08x\n", keys[i][0], keys[i][1], keys[i][2], keys[i][3], keys[i][4], s[0], s[1], s[2], s[3]); }
  /* normal draws from a long weight stream: compare sums of bits over many draws */
  stream_state(99, 0, 0, 0, 1, s);
  uint64_t h = 0; for (int i = 0; i < 1000000; i++) { double z = normal(s); uint64_t b; memcpy(&b, &z, 8); h = h * 1000003u ^ b; }
  printf("normal hash %llu\n", (unsigned long long)h);
  return 0;
}
