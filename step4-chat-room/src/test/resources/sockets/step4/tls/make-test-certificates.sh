#!/usr/bin/env bash
# Makes the tests' certificates (committed, so that the tests run no keytool or openssl): two
# servers' (a and b), one expired, one not valid yet, all PKCS#12 with an empty password; a's
# certificate alone (a.pem); and a PEM key + certificate made by openssl. Valid ones last 100
# years. Run it from this folder; needs a JDK's keytool and openssl.
set -euo pipefail
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
make() { # NAME DAYS [START]
  keytool -genkeypair -alias chat -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
    -dname "CN=test server $1" -validity "$2" ${3:+-startdate "$3"} \
    -storetype PKCS12 -keystore "$work/$1.p12" -storepass changeit
  # Empty password: the tests run --cert without CHAT_CERT_PASSWORD.
  openssl pkcs12 -in "$work/$1.p12" -passin pass:changeit -nodes -out "$work/$1.all.pem"
  openssl pkcs12 -export -in "$work/$1.all.pem" -passout pass: -out "$1.p12"
}
make a 36500
make b 36500
make expired 30 2020/01/01
make not-yet-valid 30 2099/01/01
openssl x509 -in "$work/a.all.pem" -out a.pem
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 36500 \
  -subj "/CN=test server pem" -keyout pem-key.pem -out pem-cert.pem
