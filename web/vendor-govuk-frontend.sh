#!/usr/bin/env bash
# Refreshes the public page's stylesheet from the GOV.UK Frontend npm package (MIT), pinned below: its compiled CSS
# without the GDS Transport font, which is for GOV.UK services only (the page uses the package's arial fallback), so
# the page carries no crown, font or GOV.UK branding. The result is committed; PublicPageTest checks its header.
set -euo pipefail
cd "$(dirname "$0")/.."
version=6.6.0
out=src/main/resources/META-INF/resources/public/assets/govuk-frontend.min.css
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "govuk-frontend@${version}" >/dev/null && tar xzf "govuk-frontend-${version}.tgz")
license=$(node -e "console.log(require('${work}/package/package.json').license)")
mkdir -p "$(dirname "$out")"
{
  printf '/*! govuk-frontend %s (%s licence), https://github.com/alphagov/govuk-frontend; GDS Transport removed */\n' \
    "$version" "$license"
  sed -e 's/@font-face{[^}]*}//g' -e 's/font-family:GDS Transport,/font-family:/g' \
    -e 's/font-family:GDS Transport;/font-family:arial,sans-serif;/g' \
    "$work/package/dist/govuk/govuk-frontend.min.css"
} > "$out"
echo "wrote $out ($(wc -c < "$out") bytes)"
