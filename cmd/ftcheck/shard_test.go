package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHelperCLI is not a test: run as a child process with
// FTCHECK_HELPER_CLI=1, it is the ftcheck command, so that a test can run
// several real processes.
func TestHelperCLI(t *testing.T) {
	if os.Getenv("FTCHECK_HELPER_CLI") != "1" {
		t.Skip("runs only as a child process")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	var out, errb bytes.Buffer
	code := exitCode(&errb, run(&out, &errb, args))
	os.Stdout.Write(out.Bytes())
	os.Stderr.Write(errb.Bytes())
	os.Exit(code)
}

// shardArgs is a real, cheap run at -seed 1 -checks 20.
var shardArgs = []string{"report", "-seed", "1", "-checks", "20", "-claims", "R2,C4.2,D4.3,T4.4,R3,R4,L4.7"}

// `report -shard i/3` in three processes at once, then `merge`, writes the
// bytes of the unsharded report; merge refuses a missing shard, a shard
// given twice and a shard of another run.
func TestShardProcessesMerge(t *testing.T) {
	root := t.TempDir()
	whole := filepath.Join(root, "whole")
	if r := runFtcheck(t, append(shardArgs, "-out", whole)...); r.Code != 0 {
		t.Fatalf("unsharded report: exit %d: %s", r.Code, r.Stderr)
	}
	var cmds []*exec.Cmd
	var dirs []string
	for i := 0; i < 3; i++ {
		dir := filepath.Join(root, fmt.Sprintf("shard%d", i))
		dirs = append(dirs, dir)
		child := []string{"-test.run=^TestHelperCLI$"}
		if testing.Short() { // rapid divides its checks by 5 under -short: the shards must run the same budget
			child = append(child, "-test.short")
		}
		args := append(append(child, "--"), shardArgs...)
		args = append(args, "-shard", fmt.Sprintf("%d/3", i), "-out", dir)
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), "FTCHECK_HELPER_CLI=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("shard %d/3: %v", i, err)
		}
	}
	merged := filepath.Join(root, "merged")
	if r := runFtcheck(t, "merge", "-out", merged, dirs[2], dirs[0], dirs[1]); r.Code != 0 {
		t.Fatalf("merge: exit %d: %s", r.Code, r.Stderr)
	}
	for _, name := range []string{"report.json", "REPORT.md"} {
		a, errA := os.ReadFile(filepath.Join(whole, name))
		b, errB := os.ReadFile(filepath.Join(merged, name))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Fatalf("%s: merged differs from unsharded (%v, %v)", name, errA, errB)
		}
	}
	other := filepath.Join(root, "other")
	if r := runFtcheck(t, "report", "-seed", "2", "-checks", "20", "-claims", "R2,C4.2,D4.3,T4.4,R3,R4,L4.7", "-shard", "1/3", "-out", other); r.Code != 0 {
		t.Fatalf("other run: %s", r.Stderr)
	}
	for name, dirs := range map[string][]string{
		"missing": {dirs[0], dirs[1]}, "twice": {dirs[0], dirs[0], dirs[1], dirs[2]}, "other run": {dirs[0], other, dirs[2]},
		"not a shard": {dirs[0], dirs[1], whole},
	} {
		r := runFtcheck(t, append([]string{"merge", "-out", filepath.Join(root, "bad")}, dirs...)...)
		if r.Code != 2 || !strings.HasPrefix(r.Stderr, "ftcheck: merge: ") {
			t.Errorf("merge %s: exit %d, %q", name, r.Code, r.Stderr)
		}
	}
	for _, bad := range []string{"3/3", "-1/2", "1/0", "a/b", "1/2/3", "01/2"} {
		if r := runFtcheck(t, "report", "-shard", bad, "-out", filepath.Join(root, "x")); r.Code != 2 {
			t.Errorf("-shard %s: exit %d", bad, r.Code)
		}
	}
}
