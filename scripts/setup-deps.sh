#!/usr/bin/env bash
# Installs the Debian -dev packages bpmnrun builds against, when run as root; otherwise says which.
set -euo pipefail
need=()
pkg-config --exists libxml-2.0 || need+=(libxml2-dev)
pkg-config --exists javascriptcoregtk-4.1 || need+=(libjavascriptcoregtk-4.1-dev)
pkg-config --exists python3-embed || need+=(python3-dev)
command -v pkg-config >/dev/null || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "bpmnrun needs these Debian packages: ${need[*]}" >&2
    echo "install them with: sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
fi
