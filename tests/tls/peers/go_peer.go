// SPDX-License-Identifier: MIT
// Interop peer for tests/tls/interop_peers.sh: Go's crypto/tls, limited to
// TLS 1.2 (Debian's Go 1.19 has no extended master secret, RFC 7627).
//
//	go_peer server CERT KEY [CERT KEY ...]
//	    One listener per certificate on 127.0.0.1 with a port the kernel
//	    picks; prints "listening PORT..." (in argument order) and echoes
//	    every connection until the client closes. One line per connection
//	    on stderr. Runs until killed.
//	go_peer client CA_FILE PAYLOAD_FILE CASES_FILE
//	    Each line of CASES_FILE is "PORT SUITE GROUP[:GROUP...]" (IANA suite
//	    name; groups x25519, P-256, P-384, in the order offered): connects to
//	    127.0.0.1:PORT as "localhost", offers only that suite and those
//	    groups, sends the payload, reads it back and compares it byte for
//	    byte. Prints "ok LINE" or "FAIL LINE: reason" for each line.
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

// The eight TLS 1.2 suites of the baretls profile (DESIGN.md), IANA names.
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
	fmt.Fprintf(os.Stderr, "port %d: %s, echoed %d bytes\n", port,
		tls.CipherSuiteName(t.ConnectionState().CipherSuite), n)
}

func serve(args []string) {
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
	pem, err := os.ReadFile(args[0])
	if err != nil {
		fatal("%v", err)
	}
	roots := x509.NewCertPool()
	if !roots.AppendCertsFromPEM(pem) {
		fatal("no certificate in %s", args[0])
	}
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

func main() {
	if len(os.Args) < 2 {
		fatal("usage: go_peer server CERT KEY... | client CA PAYLOAD CASES")
	}
	switch os.Args[1] {
	case "server":
		serve(os.Args[2:])
	case "client":
		client(os.Args[2:])
	default:
		fatal("unknown mode %q", os.Args[1])
	}
}
