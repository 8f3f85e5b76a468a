#!/usr/bin/env bash
# The check step of bitext's GitHub Action (action.yml): annotations and a
# step summary through `--format github`, a SARIF file when asked, the
# pull-request mode when asked. Inputs come as environment variables (the
# action sets them from its inputs), so the script runs the same way on a
# laptop: BITEXT_FAIL_ON, BITEXT_ARGS, BITEXT_SARIF, BITEXT_CHANGED_ONLY,
# BITEXT_TOKEN (a token that may comment on the pull request).
set -uo pipefail
fail_on="${BITEXT_FAIL_ON:-error}"
read -r -a extra <<< "${BITEXT_ARGS:-}"
if [ "${BITEXT_CHANGED_ONLY:-false}" = "true" ] && [ -n "${GITHUB_BASE_REF:-}" ]; then
  git fetch --quiet --depth=1 origin "${GITHUB_BASE_REF}" 2>/dev/null || true
  extra+=(--changed-since "origin/${GITHUB_BASE_REF}")
fi
if [ -n "${BITEXT_SARIF:-}" ]; then
  # The SARIF run never fails the step: the check below decides.
  bitext check --format sarif "${extra[@]}" > "${BITEXT_SARIF}"
  status=$?
  if [ "$status" -gt 1 ]; then
    echo "::error title=bitext::the SARIF run failed (exit $status)"
    exit "$status"
  fi
fi
# On a pull request, its impact on the translations goes to the summary
# and, with a token, to one comment on the pull request, updated in place.
if [ -n "${GITHUB_BASE_REF:-}" ]; then
  git fetch --quiet --depth=1 origin "${GITHUB_BASE_REF}" 2>/dev/null || true
  impact="$(mktemp)"
  if bitext status --changed-since "origin/${GITHUB_BASE_REF}" --format markdown > "$impact"; then
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$impact" >> "${GITHUB_STEP_SUMMARY}"; fi
    if [ -n "${BITEXT_TOKEN:-}" ]; then
      python3 "$(dirname "$0")/comment.py" "$impact" \
        || echo "::warning title=bitext::the impact comment could not be posted"
    fi
  else
    echo "::warning title=bitext::the pull request's impact could not be computed"
  fi
  rm -f "$impact"
fi
bitext check --format github --fail-on "$fail_on" "${extra[@]}"
