/* An independent implementation of the jitconn definition in C, written from docs/definition.md
   (not translated from the TypeScript), that prints every known answer of section 14 as JSON, in
   the form of test/definition/vectors/known-answers.json (without its "generatedBy" field).
   test/definition/crosscheck.test.ts compiles it with the system C compiler,

       cc -O2 -ffp-contract=off -std=c11 -o crosscheck crosscheck.c -lm

   runs it and requires its output to equal the file, value for value. It holds its own copy of
   the inputs (keys, states, p, words, parameter sets). Where the definition leaves a choice it
   differs from the reference on purpose: the gap G(U) is a plain linear count (the reference
   searches), and the nine-digit decimals are rounded from printf's exact digits (the reference
   uses JavaScript's toPrecision). Its xoshiro128++ next() follows the authors' published code
   (prng.di.unimi.it) line by line. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Words for standardNormal: from a generator, or from a given list (counting how many were used). */
static uint32_t *source; static const uint32_t *given; static int given_n, given_used;
static uint32_t word(void) {
  if (given) { uint32_t w = given_used < given_n ? given[given_used] : 0; given_used++; return w; }
  return next(source);
}

/* hash64 of section 14.1 */
static uint64_t hash_add(uint64_t h, uint64_t x) { return h * 1000003u ^ x; }
static uint64_t dbits(double x) { uint64_t b; memcpy(&b, &x, 8); return b; }
static uint32_t fbits(float x) { uint32_t b; memcpy(&b, &x, 4); return b; }

/* section 6: the gap table */
static uint32_t limits[65536];
static int nlimits;
static double eff;
static void gap_table(double p) {
  double q = 1.0 - p, qp = 1.0;
  nlimits = 0;
  for (int g = 1; g <= 65536; g++) {
    qp = qp * q;
    double t = floor(qp * 4294967296.0 + 0.5);
    if (t == 0) break;
    limits[nlimits++] = (uint32_t)(t - 1);
  }
  eff = 1.0 - (nlimits ? (double)limits[0] + 1 : 0) / 4294967296.0;
}
static int gap(uint32_t u) { int g = 0; while (g < nlimits && u <= limits[g]) g++; return g; }

/* section 9: detLog and detExp */
static int32_t hiword(double x) { return (int32_t)(dbits(x) >> 32); }
static double sethi(double x, int32_t h) { uint64_t b = (dbits(x) & 0xffffffffu) | ((uint64_t)(uint32_t)h << 32); memcpy(&x, &b, 8); return x; }
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

/* section 8: the ziggurat */
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
static double normal(void) {
  for (;;) {
    uint32_t u = word(); int layer = u & 127, neg = (u & 128) != 0; uint32_t mag = u >> 8;
    double x = mag * zw[layer];
    if (mag < zk[layer]) return neg ? -x : x;
    if (layer == 0) for (;;) {
      double xt = -det_log(((double)word() + 1) * 0x1p-32) / R;
      double yt = -det_log(((double)word() + 1) * 0x1p-32);
      if (yt + yt >= xt * xt) return neg ? -(R + xt) : R + xt;
    }
    double h = zf[layer] + word() * 0x1p-32 * (zf[layer - 1] - zf[layer]);
    if (h < det_exp(-0.5 * x * x)) return neg ? -x : x;
  }
}

/* sections 3, 7, 8: a line, with its law: 0 scalar(a), 1 normal(a + b z), 2 uniform(a + b u) */
typedef struct { uint32_t lo, hi; double p; int law; double a, b; } spec_t;
static void walk(const spec_t *m, uint32_t line, uint64_t length, void (*visit)(uint64_t, float, void *), void *ctx) {
  gap_table(m->p);
  for (uint64_t block = 0; block * 65536 < length; block++) {
    uint64_t base = block * 65536, end = length - base < 65536 ? length - base : 65536;
    uint32_t st[4], sw[4];
    stream_state(m->lo, m->hi, line, (uint32_t)block, 0, st);
    stream_state(m->lo, m->hi, line, (uint32_t)block, 1, sw);
    source = sw;
    int64_t t = -1;
    for (;;) {
      t = t + 1 + gap(next(st));
      if (t >= (int64_t)end) break;
      double v = m->law == 0 ? m->a : m->law == 1 ? m->a + m->b * normal() : m->a + m->b * ((next(sw) >> 8) * 0x1p-24);
      visit(base + (uint64_t)t, (float)v, ctx);
    }
  }
}

/* JSON output */
static void num(double x) { printf("%.17g", x); }
static void nums(const double *x, int n) { printf("["); for (int i = 0; i < n; i++) { if (i) printf(","); num(x[i]); } printf("]"); }
static void words(const uint32_t *x, int n) { printf("["); for (int i = 0; i < n; i++) printf("%s%u", i ? "," : "", x[i]); printf("]"); }
static void hexes(const uint32_t *x, int n) { printf("["); for (int i = 0; i < n; i++) printf("%s\"0x%08x\"", i ? "," : "", x[i]); printf("]"); }

/* JavaScript's x.toPrecision(9): nine significant digits, ties away from zero, fixed notation
   for decimal exponents -6 .. 8. printf's %.*e gives the exact decimal digits to round from. */
static void precision9(double x, char *out) {
  char e[160], d[10]; int exp10, carry = 0;
  if (x == 0) { strcpy(out, "0.00000000"); return; }
  snprintf(e, sizeof e, "%.120e", fabs(x));           /* d.ddd...e+XX, exact for a float32 */
  d[0] = e[0]; memcpy(d + 1, e + 2, 8); exp10 = atoi(strchr(e, 'e') + 1);
  if (e[10] >= '5') carry = 1;                          /* the tenth digit decides: ties round up */
  for (int i = 8; i >= 0 && carry; i--) { if (d[i] == '9') d[i] = '0'; else { d[i]++; carry = 0; } }
  if (carry) { memmove(d + 1, d, 8); d[0] = '1'; exp10++; }
  char *o = out; if (x < 0) *o++ = '-';
  if (exp10 < -6 || exp10 >= 9) {
    o += sprintf(o, "%c.%.8se%c%d", d[0], d + 1, exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
  } else if (exp10 >= 0) {
    memcpy(o, d, exp10 + 1); o += exp10 + 1;
    if (exp10 < 8) { *o++ = '.'; memcpy(o, d + exp10 + 1, 8 - exp10); o += 8 - exp10; }
    *o = 0;
  } else {
    o += sprintf(o, "0."); for (int i = 0; i < -exp10 - 1; i++) *o++ = '0';
    memcpy(o, d, 9); o[9] = 0;
  }
}

typedef struct { uint64_t from, to, count; int listed; } listing_t;
static void list_connection(uint64_t position, float w, void *ctx) {
  listing_t *l = ctx; char dec[32];
  l->count++;
  if (position < l->from || position >= l->to) return;
  precision9(w, dec);
  printf("%s[%llu,\"0x%08x\",\"%s\"]", l->listed++ ? "," : "", (unsigned long long)position, fbits(w), dec);
}

typedef struct { const char *name, *title; uint64_t seed; int bigint; double p; int law; double a, b;
                 int row; uint32_t rows, cols, lines[3]; int nlines; uint64_t from, to; } vector_t;
static const vector_t VECTORS[] = {
  {"normal-r", "R matrix 4 x 200, seed 12345, p = 0.1, normal(loc 0, scale 0.1): rows 0, 1, 2",
   12345, 0, 0.1, 1, 0, 0.1, 1, 4, 200, {0, 1, 2}, 3, 0, 200},
  {"uniform-bigint", "R matrix 2 x 24, seed 2n ** 40n + 7n (bigint), p = 0.5, uniform(offset -0.1, span 0.4): rows 0, 1",
   (1ull << 40) + 7, 1, 0.5, 2, -0.1, 0.4, 1, 2, 24, {0, 1}, 2, 0, 24},
  {"block-boundary", "R matrix 1 x 70000, seed 2024, p = 0.01, normal(loc 0, scale 1): row 0, columns 65300..65999",
   2024, 0, 0.01, 1, 0, 1, 1, 1, 70000, {0}, 1, 65300, 66000},
  {"scalar-c", "C matrix 30 x 3, seed 42, p = 0.2, scalar 0.5: columns 0, 1, 2 (positions are rows)",
   42, 0, 0.2, 0, 0.5, 0, 0, 30, 3, {0, 1, 2}, 3, 0, 30},
  {"tiny-p", "R matrix 411982 x 65536, seed 1, p = 1e-11 (effectiveProb 0), scalar 1: row 411981",
   1, 0, 1e-11, 0, 1, 0, 1, 411982, 65536, {411981}, 1, 0, 65536},
};
static spec_t spec_of(const vector_t *v) { spec_t s = {(uint32_t)v->seed, (uint32_t)(v->seed >> 32), v->p, v->law, v->a, v->b}; return s; }
static void print_vector(const vector_t *v) {
  spec_t m = spec_of(v); uint64_t length = v->row ? v->cols : v->rows;
  printf("{\"name\":\"%s\",\"title\":\"%s\",\"seed\":\"%llu\",\"seedIsBigint\":%s,\"prob\":", v->name, v->title, (unsigned long long)v->seed, v->bigint ? "true" : "false");
  num(v->p);
  static const char *law_names[3][3] = {{"scalar", "value", 0}, {"normal", "loc", "scale"}, {"uniform", "offset", "span"}};
  const char *const *law = law_names[v->law];
  printf(",\"law\":{\"kind\":\"%s\",\"%s\":", law[0], law[1]); num(v->a);
  if (law[2]) { printf(",\"%s\":", law[2]); num(v->b); }
  printf("},\"orientation\":\"%s\",\"rows\":%u,\"cols\":%u,\"lines\":[", v->row ? "row" : "col", v->rows, v->cols);
  for (int i = 0; i < v->nlines; i++) {
    listing_t l = {v->from, v->to, 0, 0};
    printf("%s{\"line\":%u,\"from\":%llu,\"to\":%llu,\"connections\":[", i ? "," : "", v->lines[i], (unsigned long long)v->from, (unsigned long long)v->to);
    walk(&m, v->lines[i], length, list_connection, &l);
    printf("],\"count\":%llu}", (unsigned long long)l.count);
  }
  printf("]}");
}

/* section 10: products of normal-r. Scatter: spikes (value 1) on the active lines, float32 partials per chunk. */
static float partial[16][200], scattered[200];
typedef struct { float *out; double sum; } sink_t;
static void scatter_add(uint64_t j, float w, void *ctx) { float *out = ((sink_t *)ctx)->out; out[j] = out[j] + (float)(1.0f * w); }
static void gather_add(uint64_t j, float w, void *ctx) { (void)j; ((sink_t *)ctx)->sum = ((sink_t *)ctx)->sum + (double)w * 1.0f; }
static int chunk_count(double active, double n, double p) {
  double e = active * n * p;
  if (e < 1048576.0) return 1;
  int c = 1;
  while (c * 2 <= e / (4 * n) && c * 2 <= 16) c *= 2;
  return c < active ? c : (int)active;
}
static void print_products(void) {
  spec_t m = spec_of(&VECTORS[0]); const uint32_t active[3] = {0, 1, 2}, columns[5] = {35, 57, 124, 138, 153};
  uint32_t scatter_bits[5], gather_bits[4];
  gap_table(m.p);
  int chunks = chunk_count(3, 200, eff);
  for (int c = 0; c < chunks; c++) {
    sink_t s = {partial[c], 0};
    for (int a = (int)floor(c * 3.0 / chunks); a < (int)floor((c + 1) * 3.0 / chunks); a++) walk(&m, active[a], 200, scatter_add, &s);
    for (int j = 0; j < 200; j++) scattered[j] = c == 0 ? partial[0][j] : scattered[j] + partial[c][j];
  }
  for (int i = 0; i < 5; i++) scatter_bits[i] = fbits(scattered[columns[i]]);
  for (uint32_t line = 0; line < 4; line++) { sink_t s = {0, 0}; walk(&m, line, 200, gather_add, &s); gather_bits[line] = fbits((float)s.sum); }
  printf("{\"vector\":\"normal-r\",\"scatterLines\":"); words(active, 3);
  printf(",\"scatterColumns\":"); words(columns, 5);
  printf(",\"scatter\":"); hexes(scatter_bits, 5);
  printf(",\"gatherOnes\":"); hexes(gather_bits, 4); printf("}");
}

int main(void) {
  static const uint32_t keys[5][5] = {{0, 0, 0, 0, 0}, {12345, 0, 0, 0, 0}, {12345, 0, 0, 0, 1}, {7, 256, 1, 1, 0}, {0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffff, 1}};
  static const uint32_t states[3][4] = {{1, 2, 3, 4}, {0x12345678u, 0x87654321u, 0xdeadbeefu, 0x0badcafeu}, {0xffffffffu, 0, 0, 0}};
  static const double probs[8] = {0.5, 0.3, 0.1, 0.01, 1e-6, 1e-11, 0, 1};
  static const uint32_t gap_words[7] = {0, 3865470565u, 3865470566u, 3478923509u, 3478923510u, 0x80000000u, 0xffffffffu};
  static const int zi[5] = {0, 1, 2, 3, 127};
  static const struct { int n; uint32_t w[5]; const char *path; } normals[8] = {
    {1, {0x00000005}, "rectangle, layer 5, magnitude 0"}, {1, {0x80000003}, "rectangle, layer 3"},
    {1, {0x12345685}, "rectangle, layer 5, negative"}, {2, {0x80000001, 0}, "layer 1 (k = 0): wedge, accepted"},
    {3, {0xffffff05, 0xffffffff, 0x00000105}, "wedge rejected, then rectangle"}, {3, {0xffffff00, 0, 0}, "tail, the largest possible variate"},
    {3, {0xffffff80, 0x80000000, 0x12345678}, "tail, negative"}, {5, {0xffffff00, 0, 0xffffffff, 0x40000000, 0x40000000}, "tail rejected once, then accepted"}};
  static const double log_x[7] = {1, 2, 0.5, 0.1, 0x1p-32, 3.442619855899, 1e-300}, exp_x[7] = {0, -1, -0.5, -10, -20, -700, -1e-10};
  static const double chunk_cases[8][3] = {{1000, 1000, 0.01}, {1000, 1e5, 0.01}, {800, 1e6, 0.01}, {2000, 1e6, 0.01}, {1e4, 1e5, 0.01}, {3, 1e7, 0.5}, {3, 1e7, 1}, {12, 1e7, 1}};
  uint32_t s[4], out[8];

  zig_tables();
  printf("{\"streamStates\":[");
  for (int i = 0; i < 5; i++) { stream_state(keys[i][0], keys[i][1], keys[i][2], keys[i][3], keys[i][4], s); printf("%s{\"key\":", i ? "," : ""); words(keys[i], 5); printf(",\"state\":"); hexes(s, 4); printf("}"); }
  printf("],\"xoshiro\":[");
  for (int i = 0; i < 3; i++) { memcpy(s, states[i], 16); for (int j = 0; j < 8; j++) out[j] = next(s); printf("%s{\"state\":", i ? "," : ""); words(states[i], 4); printf(",\"outputs\":"); words(out, 8); printf("}"); }
  printf("],\"gapTables\":[");
  for (int i = 0; i < 8; i++) {
    uint64_t h = 0; gap_table(probs[i]);
    for (int g = 0; g < nlimits; g++) h = hash_add(h, limits[g]);
    printf("%s{\"p\":", i ? "," : ""); num(probs[i]); printf(",\"effectiveProb\":"); num(eff);
    printf(",\"entries\":%d,\"limitsHead\":", nlimits); words(limits, nlimits < 4 ? nlimits : 4);
    if (nlimits) printf(",\"limitLast\":%u", limits[nlimits - 1]); else printf(",\"limitLast\":null");
    printf(",\"limitsHash\":\"%llu\"}", (unsigned long long)h);
  }
  gap_table(0.1);
  printf("],\"gapWords\":{\"p\":0.1,\"words\":"); words(gap_words, 7); printf(",\"gaps\":[");
  for (int i = 0; i < 7; i++) printf("%s%d", i ? "," : "", gap(gap_words[i]));
  uint64_t zh = 0; uint32_t kk[5]; double ww[5], ff[5];
  for (int i = 0; i < 128; i++) zh = hash_add(zh, zk[i]);
  for (int i = 0; i < 128; i++) zh = hash_add(zh, dbits(zw[i]));
  for (int i = 0; i < 128; i++) zh = hash_add(zh, dbits(zf[i]));
  for (int i = 0; i < 5; i++) { kk[i] = zk[zi[i]]; ww[i] = zw[zi[i]]; ff[i] = zf[zi[i]]; }
  printf("]},\"ziggurat\":{\"indices\":[0,1,2,3,127],\"k\":"); words(kk, 5); printf(",\"w\":"); nums(ww, 5); printf(",\"f\":"); nums(ff, 5);
  printf(",\"hash\":\"%llu\"},\"standardNormal\":[", (unsigned long long)zh);
  for (int i = 0; i < 8; i++) {
    given = normals[i].w; given_n = normals[i].n; given_used = 0;
    double z = normal();
    printf("%s{\"words\":", i ? "," : ""); hexes(normals[i].w, normals[i].n);
    printf(",\"path\":\"%s\",\"z\":", normals[i].path); num(z); printf(",\"used\":%d}", given_used);
  }
  given = 0;
  printf("],\"detLog\":[");
  for (int i = 0; i < 7; i++) { printf("%s[", i ? "," : ""); num(log_x[i]); printf(","); num(det_log(log_x[i])); printf("]"); }
  printf("],\"detExp\":[");
  for (int i = 0; i < 7; i++) { printf("%s[", i ? "," : ""); num(exp_x[i]); printf(","); num(det_exp(exp_x[i])); printf("]"); }
  printf("],\"scatterChunks\":[");
  for (int i = 0; i < 8; i++) printf("%s{\"active\":%.0f,\"length\":%.0f,\"p\":%.17g,\"chunks\":%d}", i ? "," : "", chunk_cases[i][0], chunk_cases[i][1], chunk_cases[i][2], chunk_count(chunk_cases[i][0], chunk_cases[i][1], chunk_cases[i][2]));
  stream_state(99, 0, 0, 0, 1, s); source = s;
  uint64_t h = 0; for (int i = 0; i < 1000000; i++) h = hash_add(h, dbits(normal()));
  printf("],\"normalDraws\":{\"key\":[99,0,0,0,1],\"draws\":1000000,\"hash\":\"%llu\"},\"vectors\":[", (unsigned long long)h);
  for (int i = 0; i < 5; i++) { if (i) printf(","); print_vector(&VECTORS[i]); }
  printf("],\"products\":"); print_products(); printf("}\n");
  return 0;
}
