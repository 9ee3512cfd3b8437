// SPDX-License-Identifier: MIT
// Internal: the 128-bit unsigned type used for 64x64-bit limb products
// (a GCC/Clang extension; __extension__ keeps -Wpedantic quiet).
#pragma once

namespace baretls::crypto::detail {
__extension__ typedef unsigned __int128 u128;
}  // namespace baretls::crypto::detail
