// SPDX-License-Identifier: MIT
// Internal: the CurveOps table of a public Curve value (see ec_ops_impl.h).
#pragma once

#include "baretls/crypto/ec.h"
#include "crypto/ec_ops_impl.h"

namespace baretls::crypto::detail {

const CurveOps& curve_ops(Curve c) noexcept;

}  // namespace baretls::crypto::detail
