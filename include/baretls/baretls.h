// SPDX-License-Identifier: MIT
// The umbrella header: everything an embedder needs to run TLS connections.
// Configuration and the sans-IO Connection (tls/), loading certificates and
// keys (tls/credentials.h, x509/), names of suites, groups and schemes, the
// session cache and ticket keys, the blocking socket adapter, and the
// system random source and its error codes (crypto/random.h). The
// primitives (hashes, AEADs, curves) keep their own headers under
// baretls/crypto/ and are not pulled in here.
#pragma once

#include "baretls/crypto/random.h"
#include "baretls/result.h"
#include "baretls/tls/config.h"
#include "baretls/tls/connection.h"
#include "baretls/tls/credentials.h"
#include "baretls/tls/errors.h"
#include "baretls/tls/inspect.h"
#include "baretls/tls/names.h"
#include "baretls/tls/pump.h"
#include "baretls/tls/session.h"
#include "baretls/tls/session_cache.h"
#include "baretls/tls/socket_adapter.h"
#include "baretls/tls/ticket_keys.h"
#include "baretls/tls/types.h"
#include "baretls/x509/certificate.h"
#include "baretls/x509/error.h"
#include "baretls/x509/key.h"
#include "baretls/x509/pem.h"
#include "baretls/x509/trust_store.h"
#include "baretls/x509/verify.h"
