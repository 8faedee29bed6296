#!/usr/bin/env bash
# Installs pre-commit (the Debian package) for the hook test in
# internal/cli (TestPreCommitHooks), which fails under CI without it.
# .ci/run runs this as root before the tests; it does nothing when
# pre-commit is already there.
set -euo pipefail
if command -v pre-commit >/dev/null 2>&1; then
	echo "pre-commit already installed: $(pre-commit --version)"
	exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "setup-precommit: pre-commit is missing and this is not root; install it with: apt-get install pre-commit" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends pre-commit >/dev/null
pre-commit --version
