package main

// A helper for tests of the command: run it in-process exactly as main does.

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cliResult is what one in-process run of ftcheck produced.
type cliResult struct {
	Stdout, Stderr string
	Code           int // the exit code main would use
}

// runFtcheck runs run(stdout, stderr, args) and maps its error to an exit
// code with exitCode, as main does. A panic fails the test (bad input must
// never panic).
func runFtcheck(t testing.TB, args ...string) cliResult {
	t.Helper()
	var out, errb bytes.Buffer
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("ftcheck %s panicked: %v", strings.Join(args, " "), r)
		}
	}()
	code := exitCode(&errb, run(&out, &errb, args))
	return cliResult{out.String(), errb.String(), code}
}

// writeTemp writes content to name in a fresh temporary directory of t and
// returns its path.
func writeTemp(t testing.TB, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
