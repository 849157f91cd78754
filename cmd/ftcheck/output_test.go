package main

// The output writer on each kind of target, through finetune -out (the
// writer is shared by every command that writes files), and streaming of
// data files to their end.

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// finetuneTo runs finetune on a small valid problem with -out out.
func finetuneTo(t *testing.T, out string) cliResult {
	t.Helper()
	f := writeTemp(t, "f.json", f2json())
	d := writeTemp(t, "d.csv", "x1,x2,y\n0,0,1\n1,0,0\n2,0,1\n")
	return runFtcheck(t, "finetune", "-net", f, "-data", d, "-out", out)
}

// TestOutputSymlink: a link is written through to its target (also when it
// dangles) and stays a link.
func TestOutputSymlink(t *testing.T) {
	dir := t.TempDir()
	target, link := filepath.Join(dir, "real.json"), filepath.Join(dir, "link.json")
	for _, pre := range []bool{true, false} {
		os.Remove(target)
		if pre {
			os.WriteFile(target, []byte("old"), 0o640)
		}
		os.Remove(link)
		if err := os.Symlink("real.json", link); err != nil {
			t.Fatal(err)
		}
		if r := finetuneTo(t, link); r.Code != 0 {
			t.Fatalf("exit %d %s", r.Code, r.Stderr)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("the link was replaced: %v %v", fi.Mode(), err)
		}
		b, _ := os.ReadFile(target)
		if !strings.HasPrefix(string(b), `{"layers"`) {
			t.Fatalf("target holds %q", b)
		}
		if fi, _ := os.Stat(target); pre && fi.Mode().Perm() != 0o640 {
			t.Errorf("an existing file's mode changed to %v", fi.Mode().Perm())
		}
	}
	assertOnly(t, dir, []string{"link.json", "real.json"})
}

// TestOutputDevice: /dev/null is written, not replaced.
func TestOutputDevice(t *testing.T) {
	if r := finetuneTo(t, "/dev/null"); r.Code != 0 {
		t.Fatalf("exit %d %s", r.Code, r.Stderr)
	}
	if fi, err := os.Stat("/dev/null"); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Fatalf("/dev/null is no longer a device: %v %v", fi.Mode(), err)
	}
}

// TestOutputFIFO: a FIFO is written directly, and stays a FIFO.
func TestOutputFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	got := make(chan string)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- string(b)
	}()
	if r := finetuneTo(t, fifo); r.Code != 0 {
		t.Fatalf("exit %d %s", r.Code, r.Stderr)
	}
	if s := <-got; !strings.HasPrefix(s, `{"layers"`) {
		t.Fatalf("read %q from the FIFO", s)
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the FIFO was replaced: %v", fi.Mode())
	}
	assertOnly(t, dir, []string{"pipe"})
}

// TestOutputMode: a new file gets 0666 minus the umask.
func TestOutputMode(t *testing.T) {
	old := syscall.Umask(0o027)
	defer syscall.Umask(old)
	dir := t.TempDir()
	out := filepath.Join(dir, "g.json")
	if r := finetuneTo(t, out); r.Code != 0 {
		t.Fatalf("exit %d %s", r.Code, r.Stderr)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o640 {
		t.Fatalf("mode %v, want 0640 (0666 &^ 027)", fi.Mode().Perm())
	}
	assertOnly(t, dir, []string{"g.json"})
}

// TestOutputFailureLeavesNothing: when rendering fails, nothing is created;
// when the target cannot be replaced, the temporary file is removed.
func TestOutputFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	err := writeOutput(filepath.Join(dir, "a"), func(w io.Writer) error {
		io.WriteString(w, "half")
		return errors.New("render failed")
	})
	if err == nil {
		t.Fatal("no error")
	}
	// A rename over a non-empty directory fails after the temporary file
	// was written: reached through replaceFile directly.
	os.MkdirAll(filepath.Join(dir, "d", "x"), 0o755)
	if err := replaceFile(filepath.Join(dir, "d"), []byte("data"), nil); err == nil {
		t.Fatal("replaced a directory")
	}
	assertOnly(t, dir, []string{"d"})
	assertOnly(t, filepath.Join(dir, "d"), []string{"x"})
}

// TestReportOutReadOnly: an unwritable -out is refused before any claim
// runs (as root every directory is writable: skipped).
func TestReportOutReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes everywhere")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	r := runFtcheck(t, "report", "-out", filepath.Join(dir, "rep"))
	if r.Code != 2 || !strings.Contains(r.Stderr, "report: -out") || strings.Contains(r.Stderr, "checking") {
		t.Fatalf("exit %d %s", r.Code, r.Stderr)
	}
}

// TestVerifyStreamsToTheEnd: a long data file is read to its end; a wrong
// last row fails verification and a bad last row is bad input, however
// many good rows come first.
func TestVerifyStreamsToTheEnd(t *testing.T) {
	net := writeTemp(t, "n.json", `{"layers": [{"W": [["2"]], "b": ["1"]}]}`)
	var b strings.Builder
	b.WriteString("x1,z\n")
	const K = 300000
	for i := 0; i < K; i++ {
		fmt.Fprintf(&b, "%d,%d\n", i, 2*i+1)
	}
	good := b.String()
	for _, c := range []struct {
		tail string
		code int
		want string
	}{
		{"", 0, fmt.Sprintf("rows: %d", K)},
		{"5,0\n", 1, fmt.Sprintf("failing-row: %d", K+1)},
		{"5,x\n", 2, fmt.Sprintf(":%d:3: ", K+2)},
	} {
		d := writeTemp(t, "d.csv", good+c.tail)
		r := runFtcheck(t, "verify", "-net", net, "-data", d)
		if r.Code != c.code || !strings.Contains(r.Stdout+r.Stderr, c.want) {
			t.Errorf("tail %q: exit %d, want %d and %q\n%s%s", c.tail, r.Code, c.code, c.want, r.Stdout, r.Stderr)
		}
	}
	// A mismatch early and bad input late: bad input wins (no verdict on
	// part of the file).
	d := writeTemp(t, "d.csv", "x1,z\n0,7\n"+good[len("x1,z\n"):]+"1,NaN\n")
	if r := runFtcheck(t, "verify", "-net", net, "-data", d); r.Code != 2 {
		t.Errorf("early mismatch, late NaN: exit %d\n%s", r.Code, r.Stderr)
	}
}
