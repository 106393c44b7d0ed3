// Native kernels for training in Node: tfjs's wasm backend keeps every tensor in its heap, and these functions
// compute straight on views of it (Float32Arrays the caller passes), so nothing is copied. Built with
// -O3 -march=native for the machine that trains (src/train/native/build.ts); the tfjs kernels they replace run
// 128-bit wasm SIMD through one dispatch per call. Training only: the app never loads this.
//
//   matmul:            out[b] = op(A[b]) · op(B[b]) for a batch of row-major matrices (op: optional transpose)
//   attentionForward:  the attention read-out of Magenta's attention RNN (see attentionReadKernels.ts)
//   attentionBackward: its gradients
//   lstmForward, lstmBackward: one basicLSTMCell step from its gate pre-activations, and its gradients
#include <node_api.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

float* floats(napi_env env, napi_value value) {
  napi_typedarray_type type;
  size_t length;
  void* data;
  napi_value buffer;
  size_t offset;
  if (napi_get_typedarray_info(env, value, &type, &length, &data, &buffer, &offset) != napi_ok ||
      type != napi_float32_array) {
    napi_throw_type_error(env, nullptr, "expected a Float32Array");
    return nullptr;
  }
  return static_cast<float*>(data);
}

int64_t integer(napi_env env, napi_value value) {
  int64_t out = 0;
  napi_get_value_int64(env, value, &out);
  return out;
}

bool isNull(napi_env env, napi_value value) {
  napi_valuetype type;
  napi_typeof(env, value, &type);
  return type == napi_null || type == napi_undefined;
}

// Row-major copy of op(M) for a rows x cols result, M stored as given (cols x rows when transposed).
const float* packed(const float* m, int64_t rows, int64_t cols, bool transposed, std::vector<float>& scratch) {
  if (!transposed) return m;
  scratch.resize(rows * cols);
  for (int64_t r = 0; r < rows; r++)
    for (int64_t c = 0; c < cols; c++) scratch[r * cols + c] = m[c * rows + r];
  return scratch.data();
}

typedef float v8 __attribute__((vector_size(32), aligned(4)));

inline v8 load8(const float* p) { return *reinterpret_cast<const v8*>(p); }
inline void store8(float* p, v8 x) { *reinterpret_cast<v8*>(p) = x; }

// C rows i0..i0+R-1, columns j0..j0+15 of A · B, accumulated in 2R registers over all of k.
template <int R>
inline void block(const float* __restrict a, const float* __restrict b, float* __restrict c, int64_t i0, int64_t j0,
                  int64_t k, int64_t n) {
  v8 lo[R], hi[R];
  for (int r = 0; r < R; r++) lo[r] = hi[r] = v8{};
  for (int64_t p = 0; p < k; p++) {
    const v8 b0 = load8(b + p * n + j0), b1 = load8(b + p * n + j0 + 8);
    for (int r = 0; r < R; r++) {
      const float ar = a[(i0 + r) * k + p];
      lo[r] += ar * b0;
      hi[r] += ar * b1;
    }
  }
  for (int r = 0; r < R; r++) {
    store8(c + (i0 + r) * n + j0, lo[r]);
    store8(c + (i0 + r) * n + j0 + 8, hi[r]);
  }
}

// C (m x n) = A (m x k) · B (k x n), all row-major and contiguous: 4 x 16 register blocks, the edges plainly.
void product(const float* __restrict a, const float* __restrict b, float* __restrict c, int64_t m, int64_t k,
             int64_t n) {
  const int64_t wide = n - n % 16;
  for (int64_t j0 = 0; j0 < wide; j0 += 16) {
    int64_t i0 = 0;
    for (; i0 + 8 <= m; i0 += 8) block<8>(a, b, c, i0, j0, k, n);
    for (; i0 + 4 <= m; i0 += 4) block<4>(a, b, c, i0, j0, k, n);
    for (; i0 < m; i0++) block<1>(a, b, c, i0, j0, k, n);
  }
  if (wide == n) return;
  for (int64_t i = 0; i < m; i++) {
    float* ci = c + i * n;
    for (int64_t j = wide; j < n; j++) ci[j] = 0;
    for (int64_t p = 0; p < k; p++) {
      const float ai = a[i * k + p];
      const float* bp = b + p * n;
      for (int64_t j = wide; j < n; j++) ci[j] += ai * bp[j];
    }
  }
}

// matmul(a, b, out, batchA, batchB, m, k, n, transposeA, transposeB): a batch of 1 broadcasts.
napi_value Matmul(napi_env env, napi_callback_info info) {
  size_t argc = 10;
  napi_value argv[10];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  const float* a = floats(env, argv[0]);
  const float* b = floats(env, argv[1]);
  float* out = floats(env, argv[2]);
  if (!a || !b || !out) return nullptr;
  const int64_t batchA = integer(env, argv[3]), batchB = integer(env, argv[4]);
  const int64_t m = integer(env, argv[5]), k = integer(env, argv[6]), n = integer(env, argv[7]);
  bool transposeA = false, transposeB = false;
  napi_get_value_bool(env, argv[8], &transposeA);
  napi_get_value_bool(env, argv[9], &transposeB);
  const int64_t batch = std::max(batchA, batchB);
  // A broadcast operand (batch 1) is packed once; the others per matrix.
  std::vector<float> onceA, onceB, eachA, eachB;
  const float* sharedA = batchA == 1 ? packed(a, m, k, transposeA, onceA) : nullptr;
  const float* sharedB = batchB == 1 ? packed(b, k, n, transposeB, onceB) : nullptr;
  for (int64_t i = 0; i < batch; i++) {
    const float* pa = sharedA ? sharedA : packed(a + i * m * k, m, k, transposeA, eachA);
    const float* pb = sharedB ? sharedB : packed(b + i * k * n, k, n, transposeB, eachB);
    product(pa, pb, out + i * m * n, m, k, n);
  }
  return nullptr;
}

// tanh as Eigen's 13/6 rational function in float (within 3e-7 of tanh), which vectorizes where std::tanh does not.
inline float rationalTanh(float v) {
  const float x = std::min(7.90531110763549805f, std::max(-7.90531110763549805f, v));
  const float x2 = x * x;
  float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
  p = x2 * p - 8.60467152213735e-11f;
  p = x2 * p + 5.12229709037114e-8f;
  p = x2 * p + 1.48572235717979e-5f;
  p = x2 * p + 6.37261928875436e-4f;
  p = x2 * p + 4.89352455891786e-3f;
  float q = x2 * 1.19825839466702e-6f + 1.18534705686654e-4f;
  q = x2 * q + 2.268434632439e-3f;
  q = x2 * q + 4.89352518554385e-3f;
  return (x * p) / q;
}

// attentionForward(batch, length, size, y2, v, keys2, memory, bias | null, value, w)
napi_value AttentionForward(napi_env env, napi_callback_info info) {
  size_t argc = 10;
  napi_value argv[10];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  const int64_t batch = integer(env, argv[0]), length = integer(env, argv[1]), size = integer(env, argv[2]);
  const float* y2 = floats(env, argv[3]);
  const float* v = floats(env, argv[4]);
  const float* keys2 = floats(env, argv[5]);
  const float* memory = floats(env, argv[6]);
  const float* bias = isNull(env, argv[7]) ? nullptr : floats(env, argv[7]);
  float* value = floats(env, argv[8]);
  float* w = floats(env, argv[9]);
  if (!y2 || !v || !keys2 || !memory || !value || !w) return nullptr;
  std::vector<double> scores(length);
  std::vector<float> sum(size);
  for (int64_t b = 0; b < batch; b++) {
    const float* yb = y2 + b * size;
    double top = -INFINITY;
    for (int64_t j = 0; j < length; j++) {
      const float* kj = keys2 + (b * length + j) * size;
      float s = 0;
#pragma omp simd reduction(+ : s)
      for (int64_t a = 0; a < size; a++) s += v[a] * rationalTanh(0.5f * (kj[a] + yb[a]));
      scores[j] = static_cast<double>(s) + (bias ? bias[j] : 0.0);
      top = std::max(top, scores[j]);
    }
    double total = 0;
    for (int64_t j = 0; j < length; j++) {
      scores[j] = std::exp(scores[j] - top);
      total += scores[j];
    }
    std::fill(sum.begin(), sum.end(), 0.0f);
    for (int64_t j = 0; j < length; j++) {
      const float weight = static_cast<float>(scores[j] / total);
      w[b * length + j] = weight;
      const float* mj = memory + (b * length + j) * size;
#pragma omp simd
      for (int64_t a = 0; a < size; a++) sum[a] += weight * mj[a];
    }
    std::memcpy(value + b * size, sum.data(), size * sizeof(float));
  }
  return nullptr;
}

// attentionBackward(batch, length, size, dValue, dWeights | null, w, y2, v, keys2, memory, dy2, dv, dKeys2, dMemory)
napi_value AttentionBackward(napi_env env, napi_callback_info info) {
  size_t argc = 14;
  napi_value argv[14];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  const int64_t batch = integer(env, argv[0]), length = integer(env, argv[1]), size = integer(env, argv[2]);
  const float* dValue = floats(env, argv[3]);
  const float* dWeights = isNull(env, argv[4]) ? nullptr : floats(env, argv[4]);
  const float* w = floats(env, argv[5]);
  const float* y2 = floats(env, argv[6]);
  const float* v = floats(env, argv[7]);
  const float* keys2 = floats(env, argv[8]);
  const float* memory = floats(env, argv[9]);
  float* dy2 = floats(env, argv[10]);
  float* dv = floats(env, argv[11]);
  float* dKeys2 = floats(env, argv[12]);
  float* dMemory = floats(env, argv[13]);
  if (!dValue || !w || !y2 || !v || !keys2 || !memory || !dy2 || !dv || !dKeys2 || !dMemory) return nullptr;
  std::vector<double> ds(length);
  std::vector<float> dvSum(size, 0.0f), dySum(size);
  for (int64_t b = 0; b < batch; b++) {
    const float* yb = y2 + b * size;
    const float* db = dValue + b * size;
    double dot = 0;
    for (int64_t j = 0; j < length; j++) {
      const float* mj = memory + (b * length + j) * size;
      float g = 0;
#pragma omp simd reduction(+ : g)
      for (int64_t a = 0; a < size; a++) g += mj[a] * db[a];
      ds[j] = static_cast<double>(g) + (dWeights ? dWeights[b * length + j] : 0.0);
      dot += w[b * length + j] * ds[j];
    }
    std::fill(dySum.begin(), dySum.end(), 0.0f);
    for (int64_t j = 0; j < length; j++) {
      const float weight = w[b * length + j];
      const float dsj = static_cast<float>(weight * (ds[j] - dot));
      const float* kj = keys2 + (b * length + j) * size;
      float* dkj = dKeys2 + (b * length + j) * size;
      float* dmj = dMemory + (b * length + j) * size;
#pragma omp simd
      for (int64_t a = 0; a < size; a++) {
        const float t = rationalTanh(0.5f * (kj[a] + yb[a]));
        const float g = 0.5f * dsj * v[a] * (1.0f - t * t);
        dkj[a] = g;
        dySum[a] += g;
        dvSum[a] += dsj * t;
        dmj[a] = weight * db[a];
      }
    }
    std::memcpy(dy2 + b * size, dySum.data(), size * sizeof(float));
  }
  std::memcpy(dv, dvSum.data(), size * sizeof(float));
  return nullptr;
}

inline float rationalSigmoid(float x) { return 0.5f + 0.5f * rationalTanh(0.5f * x); }

// The activated gates of unit u from gate-major pre-activations z [4 x cells]: σ(i), tanh(j), σ(f), σ(o).
struct Gates {
  float i, j, f, o;
};
inline Gates activate(const float* z, int64_t cells, int64_t u) {
  return {rationalSigmoid(z[u]), rationalTanh(z[cells + u]), rationalSigmoid(z[2 * cells + u]),
          rationalSigmoid(z[3 * cells + u])};
}

// lstmForward(H, B, z, cPrev, out): one basicLSTMCell step, gate-major. z [4H, B] holds the pre-activations of
// gates i, j, f, o (forget bias included); out [2H, B] gets c then h.
napi_value LstmForward(napi_env env, napi_callback_info info) {
  size_t argc = 5;
  napi_value argv[5];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  const int64_t cells = integer(env, argv[0]) * integer(env, argv[1]);
  const float* z = floats(env, argv[2]);
  const float* cPrev = floats(env, argv[3]);
  float* out = floats(env, argv[4]);
  if (!z || !cPrev || !out) return nullptr;
#pragma omp simd
  for (int64_t u = 0; u < cells; u++) {
    const Gates g = activate(z, cells, u);
    const float c = g.i * g.j + cPrev[u] * g.f;
    out[u] = c;
    out[cells + u] = rationalTanh(c) * g.o;
  }
  return nullptr;
}

// lstmBackward(H, B, z, cPrev, out, dOut, dz, dcPrev): the step's gradients given dOut [2H, B] (dc then dh).
napi_value LstmBackward(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  const int64_t cells = integer(env, argv[0]) * integer(env, argv[1]);
  const float* z = floats(env, argv[2]);
  const float* cPrev = floats(env, argv[3]);
  const float* out = floats(env, argv[4]);
  const float* dOut = floats(env, argv[5]);
  float* dz = floats(env, argv[6]);
  float* dcPrev = floats(env, argv[7]);
  if (!z || !cPrev || !out || !dOut || !dz || !dcPrev) return nullptr;
#pragma omp simd
  for (int64_t u = 0; u < cells; u++) {
    const auto [i, j, f, o] = activate(z, cells, u);
    const float tc = rationalTanh(out[u]);
    const float dh = dOut[cells + u];
    const float dc = dOut[u] + dh * o * (1.0f - tc * tc);
    dz[u] = dc * j * i * (1.0f - i);
    dz[cells + u] = dc * i * (1.0f - j * j);
    dz[2 * cells + u] = dc * cPrev[u] * f * (1.0f - f);
    dz[3 * cells + u] = dh * tc * o * (1.0f - o);
    dcPrev[u] = dc * f;
  }
  return nullptr;
}

napi_value Init(napi_env env, napi_value exports) {
  const napi_property_descriptor functions[] = {
      {"matmul", nullptr, Matmul, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"attentionForward", nullptr, AttentionForward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"attentionBackward", nullptr, AttentionBackward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"lstmForward", nullptr, LstmForward, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"lstmBackward", nullptr, LstmBackward, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(functions) / sizeof(functions[0]), functions);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
