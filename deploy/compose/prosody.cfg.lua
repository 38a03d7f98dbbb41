-- Prosody of the lotse pilot (compose.yaml, docs/operations/container.md): one virtual host named by XMPP_DOMAIN,
-- TLS required with the pilot certificate, accounts created by the operator (no in-band registration), no
-- federation. Staff clients and lotse connect on 5222 (STARTTLS).
pidfile = "/var/run/prosody/prosody.pid"
data_path = "/var/lib/prosody"
log = { info = "*console" }

interfaces = { "*" }
c2s_ports = { 5222 }
c2s_direct_tls_ports = { }
s2s_ports = { }
http_ports = { }
https_ports = { }

modules_enabled = { "roster"; "saslauth"; "tls"; "disco"; "ping"; "carbons"; "smacks"; "offline"; "posix" }
modules_disabled = { "s2s" }
allow_registration = false
c2s_require_encryption = true
allow_unencrypted_plain_auth = false
authentication = "internal_hashed"
storage = "internal"

-- ./pilot/certs on the host: the server certificate for XMPP_DOMAIN and its key (lotse trusts ca.pem).
ssl = { certificate = "/etc/prosody/certs/server.crt"; key = "/etc/prosody/certs/server.key" }

VirtualHost (ENV_XMPP_DOMAIN)
