package main

import (
	"bytes"
	"encoding/json"
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
	dirs := shardProcesses(t, root, shardArgs, 3)
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

// shardProcesses runs `ftcheck ARGS -shard i/n -out ROOT/shardI` for every
// i in n processes at once and returns their directories.
func shardProcesses(t *testing.T, root string, args []string, n int) []string {
	t.Helper()
	var cmds []*exec.Cmd
	var dirs []string
	for i := 0; i < n; i++ {
		dir := filepath.Join(root, fmt.Sprintf("shard%d", i))
		dirs = append(dirs, dir)
		child := []string{"-test.run=^TestHelperCLI$"}
		if testing.Short() { // rapid divides its checks by 5 under -short: the shards must run the same budget
			child = append(child, "-test.short")
		}
		a := append(append(child, "--"), args...)
		a = append(a, "-shard", fmt.Sprintf("%d/%d", i, n), "-out", dir)
		cmd := exec.Command(os.Args[0], a...)
		cmd.Env = append(os.Environ(), "FTCHECK_HELPER_CLI=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for i, cmd := range cmds {
		if err := cmd.Wait(); err != nil {
			t.Fatalf("shard %d/%d: %v", i, n, err)
		}
	}
	return dirs
}

// T5.1-U, divided into units, runs in three processes at once (its units on
// different shards) and merges into the unsharded bytes; a shard file with
// one of its units taken out is refused (exit 2).
func TestShardProcessesDivideT51U(t *testing.T) {
	args := []string{"report", "-seed", "1", "-checks", "20", "-claims", "T5.1-U,R2"}
	root := t.TempDir()
	whole := filepath.Join(root, "whole")
	if r := runFtcheck(t, append(args, "-out", whole)...); r.Code != 0 {
		t.Fatalf("unsharded report: exit %d: %s", r.Code, r.Stderr)
	}
	dirs := shardProcesses(t, root, args, 3)
	withUnits := 0
	var cut string
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, shardFile))
		if err != nil {
			t.Fatal(err)
		}
		var sh struct {
			Units []json.RawMessage `json:"units"`
		}
		if err := json.Unmarshal(b, &sh); err != nil {
			t.Fatal(err)
		}
		if len(sh.Units) > 0 {
			withUnits++
			cut = dir
		}
	}
	if withUnits < 2 {
		t.Fatalf("T5.1-U's units ran in %d of 3 shards", withUnits)
	}
	merged := filepath.Join(root, "merged")
	if r := runFtcheck(t, "merge", "-out", merged, dirs[1], dirs[2], dirs[0]); r.Code != 0 {
		t.Fatalf("merge: exit %d: %s", r.Code, r.Stderr)
	}
	for _, name := range []string{"report.json", "REPORT.md"} {
		a, errA := os.ReadFile(filepath.Join(whole, name))
		b, errB := os.ReadFile(filepath.Join(merged, name))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			t.Fatalf("%s: merged differs from unsharded (%v, %v)", name, errA, errB)
		}
	}
	// Take the units out of one shard file: the merge must refuse.
	path := filepath.Join(cut, shardFile)
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	raw["units"] = json.RawMessage("[]")
	if b, err = json.Marshal(raw); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runFtcheck(t, "merge", "-out", filepath.Join(root, "bad"), dirs[0], dirs[1], dirs[2]); r.Code != 2 || !strings.Contains(r.Stderr, "T5.1-U") {
		t.Fatalf("merge with a unit missing: exit %d, %q", r.Code, r.Stderr)
	}
}
