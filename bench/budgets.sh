#!/usr/bin/env bash
# Budget reads through the gateway for a user in 500 budgets, beside GET /api/users/me. Needs a
# running stack (./run.sh in another terminal). See bench/README.md.
#
#   bench/budgets.sh                                  against http://localhost:8080
#   bench/budgets.sh --gateway http://localhost:18080 --budgets 500 --clients 4
set -euo pipefail
cd "$(dirname "$0")/.."
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_bin" bench/budgets/BudgetsBench.java "$@"
