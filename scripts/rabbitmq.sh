#!/usr/bin/env bash
# Starts or stops a throwaway RabbitMQ (Debian's 3.10 package) for the AMQP differential test.
#
#   scripts/rabbitmq.sh start   # prints the AMQP_URL to export; state lives in $RABBITMQ_TMP_STATE
#   scripts/rabbitmq.sh stop    # stops the broker and the epmd it started, by pid
#
# Why not the Debian service: its wrapper switches user and logs under /var/log, and CI machines
# have no systemd. Running the binaries in /usr/lib/rabbitmq/bin with every path in a temp dir
# works as root or as any user, leaves nothing behind, and needs its own epmd (the Erlang port
# mapper), which `rabbitmqctl stop` would otherwise leave running.
set -euo pipefail

STATE=${RABBITMQ_TMP_STATE:-${TMPDIR:-/tmp}/eda-lab-rabbitmq.state}
PORT=${RABBITMQ_NODE_PORT:-5672}
BIN=/usr/lib/rabbitmq/bin

env_for() {
  local dir=$1
  export HOME=$dir RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT=$PORT RABBITMQ_MNESIA_BASE=$dir/mnesia RABBITMQ_LOG_BASE=$dir/log \
    RABBITMQ_PID_FILE=$dir/rabbit.pid RABBITMQ_ENABLED_PLUGINS_FILE=$dir/enabled_plugins \
    RABBITMQ_CONFIG_FILE=$dir/rabbitmq ERL_EPMD_ADDRESS=127.0.0.1 PATH=$BIN:$PATH
}

start() {
  if [ ! -x "$BIN/rabbitmq-server" ]; then
    echo "rabbitmq.sh: RabbitMQ is not installed; on Debian/Ubuntu:" >&2
    echo "  apt-get install -y --no-install-recommends rabbitmq-server" >&2
    exit 1
  fi
  if [ -f "$STATE" ]; then
    echo "rabbitmq.sh: already started ($STATE exists); run 'scripts/rabbitmq.sh stop' first" >&2
    exit 1
  fi
  local dir t0
  dir=$(mktemp -d "${TMPDIR:-/tmp}/eda-lab-rabbitmq.XXXXXX")
  env_for "$dir"
  t0=$(date +%s)
  local epmd_pid=""
  # An epmd already listening (another Erlang node on this machine) serves ours too: start one
  # only if none answers, and stop only the one we started.
  if ! "$(ls /usr/lib/erlang/erts-*/bin/epmd | head -n 1)" -names > /dev/null 2>&1; then
    "$(ls /usr/lib/erlang/erts-*/bin/epmd | head -n 1)" > "$dir/epmd.out" 2>&1 &
    epmd_pid=$!
  fi
  rabbitmq-server > "$dir/server.out" 2>&1 &
  local rmq_pid=$!
  printf 'DIR=%q\nEPMD_PID=%q\nRMQ_PID=%q\n' "$dir" "$epmd_pid" "$rmq_pid" > "$STATE"
  if ! rabbitmqctl wait --timeout 90 "$RABBITMQ_PID_FILE" > "$dir/wait.out" 2>&1; then
    echo "rabbitmq.sh: the broker did not come up; its output:" >&2
    tail -n 30 "$dir/server.out" >&2 || true
    stop
    exit 1
  fi
  echo "rabbitmq.sh: RabbitMQ ready in $(($(date +%s) - t0)) s (data in $dir)" >&2
  echo "export AMQP_URL=amqp://guest:guest@127.0.0.1:$PORT"
}

stop() {
  if [ ! -f "$STATE" ]; then
    echo "rabbitmq.sh: nothing to stop ($STATE not found)" >&2
    return 0
  fi
  local DIR EPMD_PID RMQ_PID
  # shellcheck disable=SC1090
  . "$STATE"
  env_for "$DIR"
  rabbitmqctl stop "$RABBITMQ_PID_FILE" > /dev/null 2>&1 || true
  # The server script's own pid; gone after a clean stop, killed if the stop did not work.
  if kill -0 "$RMQ_PID" 2> /dev/null; then kill "$RMQ_PID" 2> /dev/null || true; fi
  if [ -n "$EPMD_PID" ]; then kill "$EPMD_PID" 2> /dev/null || true; fi
  rm -rf "$DIR" "$STATE"
  echo "rabbitmq.sh: stopped" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: scripts/rabbitmq.sh start|stop" >&2
    exit 2
    ;;
esac
