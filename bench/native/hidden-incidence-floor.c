/*
 * The floor under `hiddenIncidence` with 1,000,000 draws and binomial count noise, the default: the same
 * computation written in C and compiled with cc -O2, timed on the same machine by bench/incidence.bench.ts
 * (the report "the same computation in C"). Not part of the package and never run by its tests.
 *
 * Per draw, as darkfigure's Monte Carlo model: reporting ~ Beta(150.5, 150.5) and recording ~ Beta(100.5,
 * 1900.5), each X / (X + Y) with Marsaglia & Tsang (2000) gammas from a 256-layer ziggurat normal; q their
 * product; the victims never recorded NB(7706.5, q) as Poisson(G (1 - q) / q), G ~ Gamma(7706.5), with
 * Ahrens & Dieter's (1982) PD for the Poisson; then the victims, reported victims and recorded share, and
 * their 2.5% and 97.5% order statistics and standard deviations as the library finds them (a pilot sample
 * brackets each rank; quickselect, Hoare 1961, within the brackets). The generator is xoshiro128** (32-bit
 * outputs, two per 53-bit uniform), as in src/random. The ziggurat tables come from the library, written to
 * tables.h by the report.
 *
 * Timing only: the rare last steps of PD (after its squeeze, well under 1% of draws at these means) accept
 * k instead of running PD's exact tests, so these are not exact Poisson draws. Everything on the common
 * paths is what the library computes.
 *
 * Usage: hidden-incidence-floor N RUNS   prints one line of JSON: median milliseconds, and its parts.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "tables.h" /* ZK[256], ZW[256], ZF[257], ZR */

static uint32_t s0 = 0x9e3779b9u, s1 = 0x243f6a88u, s2 = 0xb7e15162u, s3 = 0x12345678u;

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
static inline uint32_t next32(void) {
  uint32_t r = rotl(s1 * 5, 7) * 9, t = s1 << 9;
  s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
  return r;
}
static inline double uniform(void) {
  uint32_t a = next32(), b = next32();
  return ((a >> 5) * 67108864.0 + (b >> 6)) * 1.1102230246251565e-16;
}
static double normal(void) {
  for (;;) {
    uint32_t a = next32(), b = next32();
    int i = a & 0xff;
    double bits = (double)(a >> 11) * 4294967296.0 + b;
    double x = bits * ZW[i];
    if (bits < ZK[i]) return (a & 0x100) ? -x : x;
    if (i == 0) {
      for (;;) {
        double e = -log(1 - uniform()) / ZR, y = -log(1 - uniform());
        if (y + y > e * e) return (a & 0x100) ? -(ZR + e) : ZR + e;
      }
    }
    if (ZF[i] + uniform() * (ZF[i + 1] - ZF[i]) < exp(-0.5 * x * x)) return (a & 0x100) ? -x : x;
  }
}
static inline double gamma_mt(double d, double c) {
  for (;;) {
    double z = normal(), v = 1 + c * z;
    if (v <= 0) continue;
    v = v * v * v;
    double u = uniform(), z2 = z * z;
    if (u < 1 - 0.0331 * z2 * z2 || log(u) < 0.5 * z2 + d * (1 - v + log(v))) return d * v;
  }
}
static inline double poisson_pd(double mu) {
  for (;;) {
    double g = mu + sqrt(mu) * normal();
    if (g < 0) continue; /* PD's later steps; timing only (see the header) */
    double k = floor(g);
    if (k >= floor(mu - 1.1484)) return k;
    double u = uniform(), d = mu - k;
    (void)(6 * mu * mu * u >= d * d * d);
    return k; /* PD's later steps; timing only */
  }
}
static void quickselect(double *a, long l, long r, long k) {
  while (r > l) {
    long m = l + (r - l) / 2;
    double x = a[l], y = a[m], z = a[r];
    double p = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
    long i = l, j = r;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) { double t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
    }
    if (k <= j) r = j; else if (k >= i) l = i; else return;
  }
}
static int cmp(const void *x, const void *y) { double a = *(const double *)x, b = *(const double *)y; return (a > b) - (a < b); }

/*
 * The 2.5% and 97.5% order statistics and the sums for the standard deviation, as the library's
 * percentileSummary: a pilot sample of 4,096 brackets each rank, one pass sums and gathers the draws inside
 * the brackets, and quickselect finds the ranks there (falling back to quickselect on the whole array).
 */
static double inJ[200000], inK[200000];
static void limits(double *a, long n, double centre, double *lo, double *hi, double *sd) {
  long j = (long)floor((n + 1) * 0.025) - 1, k = n - 1 - j;
  enum { PILOT = 4096 };
  static double pilot[PILOT];
  double stride = (double)n / PILOT;
  for (int i = 0; i < PILOT; i++) pilot[i] = a[(long)(i * stride)];
  qsort(pilot, PILOT, sizeof *pilot, cmp);
  double pj = (j + 0.5) / n, pk = (k + 0.5) / n;
  double halfJ = 5 * sqrt(PILOT * pj * (1 - pj)) + 8, halfK = 5 * sqrt(PILOT * pk * (1 - pk)) + 8;
  long loJ = (long)floor(pj * PILOT - halfJ), hiJ = (long)ceil(pj * PILOT + halfJ);
  long loK = (long)floor(pk * PILOT - halfK), hiK = (long)ceil(pk * PILOT + halfK);
  double jLo = loJ < 0 ? -INFINITY : pilot[loJ], jHi = hiJ >= PILOT ? INFINITY : pilot[hiJ];
  double kLo = loK < 0 ? -INFINITY : pilot[loK], kHi = hiK >= PILOT ? INFINITY : pilot[hiK];
  double s1 = 0, s2 = 0;
  long belowJ = 0, atOrAboveK = 0, nJ = 0, nK = 0, cap = 200000;
  int ok = 1;
  for (long i = 0; i < n; i++) {
    double x = a[i], d = x - centre;
    s1 += d;
    s2 += d * d;
    if (x > jHi && x < kLo) continue;
    if (x < jLo) belowJ++;
    else if (x <= jHi) { if (nJ == cap) { ok = 0; break; } inJ[nJ++] = x; }
    if (x >= kLo) { atOrAboveK++; if (x <= kHi) { if (nK == cap) { ok = 0; break; } inK[nK++] = x; } }
  }
  long belowK = n - atOrAboveK;
  if (ok && j >= belowJ && j < belowJ + nJ && k >= belowK && k < belowK + nK) {
    quickselect(inJ, 0, nJ - 1, j - belowJ);
    quickselect(inK, 0, nK - 1, k - belowK);
    *lo = inJ[j - belowJ];
    *hi = inK[k - belowK];
  } else {
    quickselect(a, 0, n - 1, j);
    quickselect(a, j + 1, n - 1, k);
    *lo = a[j];
    *hi = a[k];
  }
  double mean = s1 / n;
  *sd = sqrt((s2 - n * mean * mean) / (n - 1));
}
static double ms(struct timespec a, struct timespec b) { return (b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6; }
int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000;
  int runs = argc > 2 ? atoi(argv[2]) : 9;
  double *A = malloc(n * sizeof *A), *B = malloc(n * sizeof *B), *C = malloc(n * sizeof *C);
  const double f = 365.0 / 1040.0, size = 7706.5;
  double shapes[5] = {150.5, 150.5, 100.5, 1900.5, size}, d[5], c[5];
  for (int i = 0; i < 5; i++) { d[i] = shapes[i] - 1.0 / 3; c[i] = 1 / sqrt(9 * d[i]); }
  double total[64], sampling[64], sink = 0;
  if (runs > 64) runs = 64;
  for (int r = 0; r < runs + 2; r++) {
    struct timespec t0, t1, t2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (long i = 0; i < n; i++) { double x = gamma_mt(d[0], c[0]); A[i] = x / (x + gamma_mt(d[1], c[1])); }
    for (long i = 0; i < n; i++) { double x = gamma_mt(d[2], c[2]); B[i] = A[i] * (x / (x + gamma_mt(d[3], c[3]))); }
    for (long i = 0; i < n; i++) { double q = B[i]; C[i] = (size - 0.5 + poisson_pd(gamma_mt(d[4], c[4]) * ((1 - q) / q))) * f; }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double lo, hi, sd;
    for (long i = 0; i < n; i++) A[i] *= C[i];
    limits(A, n, 5e5, &lo, &hi, &sd); sink += lo + hi + sd; /* reported */
    limits(B, n, 0.0125, &lo, &hi, &sd); sink += lo + hi + sd; /* recorded share (the multiplier follows from it) */
    limits(C, n, 1e6, &lo, &hi, &sd); sink += lo + hi + sd; /* victims (the unrecorded follow from them) */
    clock_gettime(CLOCK_MONOTONIC, &t2);
    if (r >= 2) { sampling[r - 2] = ms(t0, t1); total[r - 2] = ms(t0, t2); }
  }
  qsort(total, runs, sizeof *total, cmp);
  qsort(sampling, runs, sizeof *sampling, cmp);
  printf("{\"totalMs\": %.2f, \"samplingMs\": %.2f, \"runs\": %d, \"draws\": %ld, \"check\": %.6g}\n", total[runs / 2], sampling[runs / 2], runs, n, sink);
  free(A); free(B); free(C);
  return 0;
}
