// SPDX-License-Identifier: MIT
// The doctest runner shared by every suite.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
