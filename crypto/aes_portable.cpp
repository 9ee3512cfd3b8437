// SPDX-License-Identifier: MIT
// Portable AES encryption (FIPS 197 §5.1), bitsliced: no table indexed by key
// or data. Eight blocks are processed at once as eight bit planes; each plane
// is a pair of 64-bit words (a GCC/Clang vector, SSE2 on x86-64, two scalar
// words elsewhere), each word holding byte (row, col) of block k at bit
// 16*row + 4*col + k. SubBytes is the Boyar-Peralta depth-16 circuit
// (eprint 2011/332); ShiftRows and MixColumns become shifts and rotations.
#include <cstring>

#include "baretls/crypto/secret.h"
#include "crypto/aes_impl.h"
#include "crypto/bytes.h"

// Every function passing a W is internal to this file, so their calling
// convention is ours to choose: GCC's note that W is passed differently on
// x86 targets without SSE (i686) concerns external ABIs only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace baretls::crypto::detail {
namespace {

using W = std::uint64_t __attribute__((vector_size(16)));

inline W broadcast(std::uint64_t x) noexcept { return W{x, x}; }
inline W rotr16(W x) noexcept { return (x >> 16) | (x << 48); }
inline W rotr32(W x) noexcept { return (x >> 32) | (x << 32); }

// SubBytes on eight bit planes (q[0] = least significant bit). The circuit of
// Boyar and Peralta numbers bits from the most significant: U0 = bit 7,
// S0 = bit 7. Top linear layer (T), nonlinear middle (M), bottom (L).
void sub_bytes(W q[8]) noexcept {
  const W u0 = q[7], u1 = q[6], u2 = q[5], u3 = q[4], u4 = q[3], u5 = q[2], u6 = q[1], u7 = q[0];

  const W t1 = u0 ^ u3, t2 = u0 ^ u5, t3 = u0 ^ u6, t4 = u3 ^ u5, t5 = u4 ^ u6;
  const W t6 = t1 ^ t5, t7 = u1 ^ u2, t8 = u7 ^ t6, t9 = u7 ^ t7, t10 = t6 ^ t7;
  const W t11 = u1 ^ u5, t12 = u2 ^ u5, t13 = t3 ^ t4, t14 = t6 ^ t11, t15 = t5 ^ t11;
  const W t16 = t5 ^ t12, t17 = t9 ^ t16, t18 = u3 ^ u7, t19 = t7 ^ t18, t20 = t1 ^ t19;
  const W t21 = u6 ^ u7, t22 = t7 ^ t21, t23 = t2 ^ t22, t24 = t2 ^ t10, t25 = t20 ^ t17;
  const W t26 = t3 ^ t16, t27 = t1 ^ t12;
  const W d = u7;

  const W m1 = t13 & t6, m2 = t23 & t8, m3 = t14 ^ m1, m4 = t19 & d, m5 = m4 ^ m1;
  const W m6 = t3 & t16, m7 = t22 & t9, m8 = t26 ^ m6, m9 = t20 & t17, m10 = m9 ^ m6;
  const W m11 = t1 & t15, m12 = t4 & t27, m13 = m12 ^ m11, m14 = t2 & t10, m15 = m14 ^ m11;
  const W m16 = m3 ^ m2, m17 = m5 ^ t24, m18 = m8 ^ m7, m19 = m10 ^ m15, m20 = m16 ^ m13;
  const W m21 = m17 ^ m15, m22 = m18 ^ m13, m23 = m19 ^ t25, m24 = m22 ^ m23, m25 = m22 & m20;
  const W m26 = m21 ^ m25, m27 = m20 ^ m21, m28 = m23 ^ m25, m29 = m28 & m27, m30 = m26 & m24;
  const W m31 = m20 & m23, m32 = m27 & m31, m33 = m27 ^ m25, m34 = m21 & m22, m35 = m24 & m34;
  const W m36 = m24 ^ m25, m37 = m21 ^ m29, m38 = m32 ^ m33, m39 = m23 ^ m30, m40 = m35 ^ m36;
  const W m41 = m38 ^ m40, m42 = m37 ^ m39, m43 = m37 ^ m38, m44 = m39 ^ m40, m45 = m42 ^ m41;
  const W m46 = m44 & t6, m47 = m40 & t8, m48 = m39 & d, m49 = m43 & t16, m50 = m38 & t9;
  const W m51 = m37 & t17, m52 = m42 & t15, m53 = m45 & t27, m54 = m41 & t10, m55 = m44 & t13;
  const W m56 = m40 & t23, m57 = m39 & t19, m58 = m43 & t3, m59 = m38 & t22, m60 = m37 & t20;
  const W m61 = m42 & t1, m62 = m45 & t4, m63 = m41 & t2;

  const W l0 = m61 ^ m62, l1 = m50 ^ m56, l2 = m46 ^ m48, l3 = m47 ^ m55, l4 = m54 ^ m58;
  const W l5 = m49 ^ m61, l6 = m62 ^ l5, l7 = m46 ^ l3, l8 = m51 ^ m59, l9 = m52 ^ m53;
  const W l10 = m53 ^ l4, l11 = m60 ^ l2, l12 = m48 ^ m51, l13 = m50 ^ l0, l14 = m52 ^ m61;
  const W l15 = m55 ^ l1, l16 = m56 ^ l0, l17 = m57 ^ l1, l18 = m58 ^ l8, l19 = m63 ^ l4;
  const W l20 = l0 ^ l1, l21 = l1 ^ l7, l22 = l3 ^ l12, l23 = l18 ^ l2, l24 = l15 ^ l9;
  const W l25 = l6 ^ l10, l26 = l7 ^ l9, l27 = l8 ^ l10, l28 = l11 ^ l14, l29 = l11 ^ l17;

  q[7] = l6 ^ l24;
  q[6] = ~(l16 ^ l26);
  q[5] = ~(l19 ^ l28);
  q[4] = l6 ^ l21;
  q[3] = l20 ^ l22;
  q[2] = l25 ^ l29;
  q[1] = ~(l13 ^ l27);
  q[0] = ~(l6 ^ l23);
}

// §5.1.2 ShiftRows: row r (bits 16r..16r+15) rotates left by r columns,
// i.e. its four 4-bit column groups rotate right by 4r bits. Done in two
// steps: rows 1 and 3 rotate by one group, then rows 2 and 3 by two.
inline W shift_rows_plane(W x) noexcept {
  x = (x & broadcast(0x0000FFFF0000FFFF)) | ((x >> 4) & broadcast(0x0FFF00000FFF0000)) |
      ((x << 12) & broadcast(0xF0000000F0000000));
  return (x & broadcast(0x00000000FFFFFFFF)) | ((x >> 8) & broadcast(0x00FF00FF00000000)) |
         ((x << 8) & broadcast(0xFF00FF0000000000));
}

// §5.1.3 MixColumns: s'_r = 2(s_r + s_{r+1}) + s_{r+1} + s_{r+2} + s_{r+3}.
// Rotating a plane right by 16 bits brings row r+1 to row r.
inline void mix_columns(W q[8]) noexcept {
  W r[8], t[8];
  for (int i = 0; i < 8; ++i) {
    r[i] = rotr16(q[i]);
    t[i] = q[i] ^ r[i];
  }
  // Multiplication by x (§4.2.1) of t: bits move up, x^8 = x^4 + x^3 + x + 1.
  const W x2[8] = {t[7], t[0] ^ t[7], t[1], t[2] ^ t[7], t[3] ^ t[7], t[4], t[5], t[6]};
  for (int i = 0; i < 8; ++i) q[i] = x2[i] ^ r[i] ^ rotr32(t[i]);
}

inline void add_round_key(W q[8], const std::uint64_t* k) noexcept {
  for (int i = 0; i < 8; ++i) q[i] ^= broadcast(k[i]);
}

// Transpose of the 8x8 bit matrices formed by the same byte of eight words:
// afterwards bit i of byte j of word k has moved to bit k of byte j of word
// i. Its own inverse.
inline void swap_move(W& a, W& b, int shift, std::uint64_t mask) noexcept {
  const W t = ((a >> shift) ^ b) & broadcast(mask);
  b ^= t;
  a ^= t << shift;
}
void transpose(W x[8]) noexcept {
  for (int i = 0; i < 8; i += 2) swap_move(x[i], x[i + 1], 1, 0x5555555555555555);
  for (int i : {0, 1, 4, 5}) swap_move(x[i], x[i + 2], 2, 0x3333333333333333);
  for (int i = 0; i < 4; ++i) swap_move(x[i], x[i + 4], 4, 0x0F0F0F0F0F0F0F0F);
}

// Bytes 0..3 of v to bytes 0, 2, 4, 6, and back.
inline std::uint64_t spread(std::uint64_t v) noexcept {
  v = (v | (v << 16)) & 0x0000FFFF0000FFFF;
  return (v | (v << 8)) & 0x00FF00FF00FF00FF;
}
inline std::uint64_t gather(std::uint64_t v) noexcept {
  v &= 0x00FF00FF00FF00FF;
  v = (v | (v >> 8)) & 0x0000FFFF0000FFFF;
  return (v | (v >> 16)) & 0xFFFFFFFF;
}

// Word k < 4 takes the even columns of block k, word k + 4 its odd columns,
// in the byte order (row 0: col c, c + 2), (row 1: ...), so that after the
// transpose byte (row, col) of block k lands at bit 16*row + 4*col + k.
void load8(const std::uint8_t* in, W q[8]) noexcept {
  for (int k = 0; k < 4; ++k) {
    std::uint64_t even[2], odd[2];
    for (int lane = 0; lane < 2; ++lane) {
      const std::uint8_t* b = in + 16 * (k + 4 * lane);
      const std::uint64_t lo = load_le64(b), hi = load_le64(b + 8);
      even[lane] = spread(lo & 0xFFFFFFFF) | (spread(hi & 0xFFFFFFFF) << 8);
      odd[lane] = spread(lo >> 32) | (spread(hi >> 32) << 8);
    }
    q[k] = W{even[0], even[1]};
    q[k + 4] = W{odd[0], odd[1]};
  }
  transpose(q);
}

void store8(W q[8], std::uint8_t* out) noexcept {
  transpose(q);
  for (int k = 0; k < 4; ++k) {
    for (int lane = 0; lane < 2; ++lane) {
      const std::uint64_t even = q[k][lane], odd = q[k + 4][lane];
      std::uint8_t* b = out + 16 * (k + 4 * lane);
      store_le64(b, gather(even) | (gather(odd) << 32));
      store_le64(b + 8, gather(even >> 8) | (gather(odd >> 8) << 32));
    }
  }
}

}  // namespace

void aes_encrypt8_portable(const std::uint64_t* sliced, unsigned rounds, const std::uint8_t* in,
                           std::uint8_t* out) noexcept {
  W q[8];
  load8(in, q);
  // FIPS 197 §5.1, Figure 5.
  add_round_key(q, sliced);
  for (unsigned r = 1; r < rounds; ++r) {
    sub_bytes(q);
    for (auto& p : q) p = shift_rows_plane(p);
    mix_columns(q);
    add_round_key(q, sliced + 8 * r);
  }
  sub_bytes(q);
  for (auto& p : q) p = shift_rows_plane(p);
  add_round_key(q, sliced + 8 * rounds);
  store8(q, out);
  secure_wipe(q, sizeof q);
}

void aes_encrypt_blocks_portable(const std::uint64_t* sliced, unsigned rounds, const std::uint8_t* in,
                                 std::uint8_t* out, std::size_t n) noexcept {
  for (; n >= 8; n -= 8, in += 128, out += 128) aes_encrypt8_portable(sliced, rounds, in, out);
  if (n > 0) {
    std::uint8_t buf[128] = {};
    std::memcpy(buf, in, 16 * n);
    aes_encrypt8_portable(sliced, rounds, buf, buf);
    std::memcpy(out, buf, 16 * n);
    secure_wipe(buf, sizeof buf);
  }
}

}  // namespace baretls::crypto::detail
