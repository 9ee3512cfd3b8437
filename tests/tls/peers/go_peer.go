// SPDX-License-Identifier: MIT
// Interop peer for tests/tls/interop_peers.sh: Go's crypto/tls, limited to
// TLS 1.2 (Debian's Go 1.19 has no extended master secret, RFC 7627).
//
//	go_peer server [--features CA_FILE] CERT KEY [CERT KEY ...]
//	    One listener per certificate on 127.0.0.1 with a port the kernel
//	    picks; prints "listening PORT..." (in argument order) and echoes
//	    every connection until the client closes. One line per connection
//	    on stderr. Runs until killed. With --features: ALPN "http/1.1",
//	    a client certificate required and verified against CA_FILE, and
//	    the line also names the server_name, ALPN and client certificate.
//	go_peer client CA_FILE PAYLOAD_FILE CASES_FILE
//	    Each line of CASES_FILE is "PORT SUITE GROUP[:GROUP...]" (IANA suite
//	    name; groups x25519, P-256, P-384, in the order offered): connects to
//	    127.0.0.1:PORT as "localhost", offers only that suite and those
//	    groups, sends the payload, reads it back and compares it byte for
//	    byte. Prints "ok LINE" or "FAIL LINE: reason" for each line.
//	go_peer features CA_FILE CERT KEY PORT
//	    One connection to 127.0.0.1:PORT as "localhost" with the client
//	    certificate CERT, offering ALPN "h2" and "http/1.1", the 24 bytes
//	    "client certificate, ALPN" echoed and checked. Prints "alpn PROTO";
//	    errors on stderr, exit status 2.
package main

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"time"
)

const featuresData = "client certificate, ALPN"

// The eight TLS 1.2 suites of the baretls profile (README.md), IANA names.
var suites = map[string]uint16{
	"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256":       tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
	"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256":         tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
	"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384":       tls.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
	"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384":         tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
	"TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256": tls.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
	"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256":   tls.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
	"TLS_RSA_WITH_AES_128_GCM_SHA256":               tls.TLS_RSA_WITH_AES_128_GCM_SHA256,
	"TLS_RSA_WITH_AES_256_GCM_SHA384":               tls.TLS_RSA_WITH_AES_256_GCM_SHA384,
}

var groups = map[string]tls.CurveID{"x25519": tls.X25519, "P-256": tls.CurveP256, "P-384": tls.CurveP384}

const ioTimeout = 30 * time.Second

func allSuites() []uint16 {
	out := make([]uint16, 0, len(suites))
	for _, id := range suites {
		out = append(out, id)
	}
	return out
}

func loadRoots(caFile string) *x509.CertPool {
	pem, err := os.ReadFile(caFile)
	if err != nil {
		fatal("%v", err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pem) {
		fatal("no certificate in %s", caFile)
	}
	return roots
}

func fatal(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "go_peer: "+format+"\n", args...)
	os.Exit(2)
}

// serverConfig: TLS 1.2 only, every suite and group of the profile. Go's
// server picks the ECDHE group by its own preference; it follows the
// client's order here so that the client's first group is the one tested.
func serverConfig(cert tls.Certificate) *tls.Config {
	base := &tls.Config{
		Certificates: []tls.Certificate{cert},
		MinVersion:   tls.VersionTLS12,
		MaxVersion:   tls.VersionTLS12,
		CipherSuites: allSuites(),
	}
	base.GetConfigForClient = func(hello *tls.ClientHelloInfo) (*tls.Config, error) {
		c := base.Clone()
		c.GetConfigForClient = nil
		c.CurvePreferences = nil
		for _, g := range hello.SupportedCurves {
			for _, known := range groups {
				if g == known {
					c.CurvePreferences = append(c.CurvePreferences, g)
				}
			}
		}
		return c, nil
	}
	return base
}

func echo(conn net.Conn, cfg *tls.Config, port int) {
	defer conn.Close()
	t := tls.Server(conn, cfg)
	t.SetDeadline(time.Now().Add(ioTimeout))
	if err := t.Handshake(); err != nil {
		fmt.Fprintf(os.Stderr, "port %d: handshake failed: %v\n", port, err)
		return
	}
	n, err := io.Copy(t, t) // until the client's close_notify
	if err != nil {
		fmt.Fprintf(os.Stderr, "port %d: echo failed after %d bytes: %v\n", port, n, err)
		return
	}
	t.Close() // our close_notify
	st := t.ConnectionState()
	extra := ""
	if cfg.ClientAuth == tls.RequireAndVerifyClientCert {
		extra = fmt.Sprintf(", server_name %s, alpn %s, client %s", st.ServerName, st.NegotiatedProtocol,
			st.PeerCertificates[0].Subject.CommonName)
	}
	fmt.Fprintf(os.Stderr, "port %d: %s%s, echoed %d bytes\n", port, tls.CipherSuiteName(st.CipherSuite), extra, n)
}

func serve(args []string) {
	var clientRoots *x509.CertPool
	if len(args) >= 2 && args[0] == "--features" {
		clientRoots = loadRoots(args[1])
		args = args[2:]
	}
	if len(args) == 0 || len(args)%2 != 0 {
		fatal("server needs CERT KEY pairs")
	}
	ports := []string{}
	for i := 0; i < len(args); i += 2 {
		cert, err := tls.LoadX509KeyPair(args[i], args[i+1])
		if err != nil {
			fatal("%s: %v", args[i], err)
		}
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fatal("listen: %v", err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		ports = append(ports, fmt.Sprint(port))
		cfg := serverConfig(cert)
		if clientRoots != nil {
			cfg.NextProtos = []string{"http/1.1"}
			cfg.ClientAuth = tls.RequireAndVerifyClientCert
			cfg.ClientCAs = clientRoots
		}
		go func() {
			for {
				conn, err := l.Accept()
				if err != nil {
					fatal("accept: %v", err)
				}
				go echo(conn, cfg, port)
			}
		}()
	}
	fmt.Printf("listening %s\n", strings.Join(ports, " "))
	os.Stdout.Sync()
	select {} // serve until the test kills us
}

// runCase: one connection offering one suite and the given groups; the
// payload goes out and must come back unchanged.
func runCase(roots *x509.CertPool, payload []byte, port, suite, groupList string) error {
	id, ok := suites[suite]
	if !ok {
		return fmt.Errorf("unknown suite %q", suite)
	}
	cfg := &tls.Config{RootCAs: roots, ServerName: "localhost", MinVersion: tls.VersionTLS12,
		MaxVersion: tls.VersionTLS12, CipherSuites: []uint16{id}}
	for _, g := range strings.Split(groupList, ":") {
		curve, ok := groups[g]
		if !ok {
			return fmt.Errorf("unknown group %q", g)
		}
		cfg.CurvePreferences = append(cfg.CurvePreferences, curve)
	}
	dialer := &net.Dialer{Timeout: ioTimeout}
	conn, err := tls.DialWithDialer(dialer, "tcp", "127.0.0.1:"+port, cfg)
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(ioTimeout))
	if got := conn.ConnectionState().CipherSuite; got != id {
		return fmt.Errorf("negotiated %s", tls.CipherSuiteName(got))
	}
	written := make(chan error, 1)
	go func() { _, err := conn.Write(payload); written <- err }()
	back := make([]byte, len(payload))
	if _, err := io.ReadFull(conn, back); err != nil {
		return fmt.Errorf("reading the echo: %v", err)
	}
	if err := <-written; err != nil {
		return fmt.Errorf("writing: %v", err)
	}
	if !bytes.Equal(back, payload) {
		return errors.New("the echoed data differs")
	}
	return conn.Close() // sends close_notify
}

func client(args []string) {
	if len(args) != 3 {
		fatal("client needs CA_FILE PAYLOAD_FILE CASES_FILE")
	}
	roots := loadRoots(args[0])
	payload, err := os.ReadFile(args[1])
	if err != nil {
		fatal("%v", err)
	}
	cases, err := os.Open(args[2])
	if err != nil {
		fatal("%v", err)
	}
	lines := bufio.NewScanner(cases)
	for lines.Scan() {
		f := strings.Fields(lines.Text())
		if len(f) != 3 {
			fatal("bad case line %q", lines.Text())
		}
		if err := runCase(roots, payload, f[0], f[1], f[2]); err != nil {
			fmt.Printf("FAIL %s: %v\n", lines.Text(), err)
		} else {
			fmt.Printf("ok %s\n", lines.Text())
		}
	}
}

// features: client certificate and ALPN against our server (see the top).
func features(args []string) {
	if len(args) != 4 {
		fatal("features needs CA_FILE CERT KEY PORT")
	}
	cert, err := tls.LoadX509KeyPair(args[1], args[2])
	if err != nil {
		fatal("%s: %v", args[1], err)
	}
	cfg := &tls.Config{RootCAs: loadRoots(args[0]), ServerName: "localhost", MinVersion: tls.VersionTLS12,
		MaxVersion: tls.VersionTLS12, Certificates: []tls.Certificate{cert}, NextProtos: []string{"h2", "http/1.1"}}
	conn, err := tls.DialWithDialer(&net.Dialer{Timeout: ioTimeout}, "tcp", "127.0.0.1:"+args[3], cfg)
	if err != nil {
		fatal("%v", err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(ioTimeout))
	if _, err := conn.Write([]byte(featuresData)); err != nil {
		fatal("writing: %v", err)
	}
	back := make([]byte, len(featuresData))
	if _, err := io.ReadFull(conn, back); err != nil {
		fatal("reading the echo: %v", err)
	}
	if string(back) != featuresData {
		fatal("the echoed data differs")
	}
	fmt.Printf("alpn %s\n", conn.ConnectionState().NegotiatedProtocol)
}

func main() {
	if len(os.Args) < 2 {
		fatal("usage: go_peer server [--features CA] CERT KEY... | client CA PAYLOAD CASES | features CA CERT KEY PORT")
	}
	switch os.Args[1] {
	case "server":
		serve(os.Args[2:])
	case "client":
		client(os.Args[2:])
	case "features":
		features(os.Args[2:])
	default:
		fatal("unknown mode %q", os.Args[1])
	}
}
