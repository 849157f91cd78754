package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ftcheck/ftcheck/internal/report"
	"github.com/ftcheck/ftcheck/theorem"
)

func init() {
	register("report", "check every claim and write DIR/REPORT.md and DIR/report.json", runReport)
	register("check", "check one claim: ftcheck check ID [-seed S] [-checks N]", runCheck)
	register("merge", "combine the shard directories of one sharded report (a divided claim's units by its own rule) into DIR/REPORT.md and DIR/report.json", runMerge)
}

// shardFile is the file a sharded report writes in its -out directory.
const shardFile = "shard.json"

// Defaults of the sampling budget: rapid's own default number of checks.
const (
	defaultSeed   = 1
	defaultChecks = 100
)

func runReport(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("report", "[-seed S] [-checks N] [-timeout D] [-out DIR] [-shard i/n]", stderr)
	seed := fs.Uint64("seed", defaultSeed, "random `seed` (nonzero); same seed and checks give identical files")
	checks := fs.Int("checks", defaultChecks, "sampling budget per claim (exhaustive parts run in full)")
	timeout := fs.Duration("timeout", 0, "safety stop; unfinished claims become inconclusive (0: none)")
	out := fs.String("out", "report", "output `directory`")
	only := fs.String("claims", "", "comma-separated claim `IDs` to run (default: every claim)")
	shard := fs.String("shard", "", "run only share `i/n` of the work (0 ≤ i < n: whole claims, and a costly claim's units, such as T5.1-U's U1, U2, U3 and theorem level, each on its own) and write DIR/shard.json for ftcheck merge")
	if help, err := parseFlags(fs, args, false); help || err != nil {
		return err
	}
	index, of, err := parseShard(*shard)
	if err != nil {
		return err
	}
	if err := checkBudget(*seed, *checks); err != nil {
		return err
	}
	if *timeout < 0 {
		return usageErr("report: -timeout must be 0 (none) or positive, got %s", *timeout)
	}
	ids, err := claimList(*only)
	if err != nil {
		return err
	}
	if of > 0 {
		return runReportShard(stderr, report.Options{Seed: *seed, Checks: *checks, Timeout: *timeout, Progress: stderr, Only: ids}, index, of, *out)
	}
	if err := checkReportOut(*out); err != nil {
		return err
	}
	start := time.Now()
	n := len(theorem.Claims())
	if ids != nil {
		n = len(ids)
	}
	fmt.Fprintf(stderr, "ftcheck: checking %d claims (seed %d, %d checks)\n", n, *seed, *checks)
	rep := report.Run(report.Options{Seed: *seed, Checks: *checks, Timeout: *timeout, Progress: stderr, Only: ids})
	if err := writeOutput(filepath.Join(*out, "report.json"), rep.WriteJSON); err != nil {
		return outputErr("report: -out", err)
	}
	if err := writeOutput(filepath.Join(*out, "REPORT.md"), rep.WriteMarkdown); err != nil {
		return outputErr("report: -out", err)
	}
	fmt.Fprintf(stderr, "ftcheck: wrote %s and %s in %s\n", filepath.Join(*out, "REPORT.md"), filepath.Join(*out, "report.json"), time.Since(start).Round(time.Millisecond))
	return nil
}

// parseShard reads -shard i/n; n = 0 when the flag is not given.
func parseShard(s string) (index, of int, err error) {
	if s == "" {
		return 0, 0, nil
	}
	if _, err := fmt.Sscanf(s, "%d/%d", &index, &of); err != nil || fmt.Sprintf("%d/%d", index, of) != s || of < 1 || index < 0 || index >= of {
		return 0, 0, usageErr("report: -shard wants i/n with 0 ≤ i < n, got %q", s)
	}
	return index, of, nil
}

// runReportShard runs shard index of n and writes DIR/shard.json.
func runReportShard(stderr io.Writer, opts report.Options, index, of int, out string) error {
	if err := checkOutputDir(out); err != nil {
		return outputErr("report: -out", err)
	}
	path := filepath.Join(out, shardFile)
	if err := checkOutput(path); err != nil {
		return outputErr("report: -out", err)
	}
	start := time.Now()
	fmt.Fprintf(stderr, "ftcheck: shard %d/%d (seed %d, %d checks)\n", index, of, opts.Seed, opts.Checks)
	sh := report.RunShard(opts, index, of)
	if err := writeOutput(path, sh.WriteJSON); err != nil {
		return outputErr("report: -out", err)
	}
	fmt.Fprintf(stderr, "ftcheck: wrote %s (%d claims, %d units of divided claims) in %s\n", path, len(sh.Claims), len(sh.Units), time.Since(start).Round(time.Millisecond))
	return nil
}

// runMerge combines shard directories into the report of the whole run.
func runMerge(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("merge", "-out DIR SHARD_DIR...", stderr)
	out := fs.String("out", "report", "output `directory` of the merged REPORT.md and report.json")
	if help, err := parseFlags(fs, args, true); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageErr("merge: no shard directories given")
	}
	var shards []*report.Shard
	for _, dir := range fs.Args() {
		path := filepath.Join(dir, shardFile)
		f, err := os.Open(path)
		if err != nil {
			return usageErr("merge: %v", err)
		}
		sh, err := report.ReadShard(f)
		f.Close()
		if err != nil {
			return usageErr("merge: %s: %v", path, err)
		}
		shards = append(shards, sh)
	}
	rep, err := report.Merge(shards)
	if err != nil {
		return usageErr("merge: %v", err)
	}
	if err := checkReportOut(*out); err != nil {
		return err
	}
	if err := writeOutput(filepath.Join(*out, "report.json"), rep.WriteJSON); err != nil {
		return outputErr("merge: -out", err)
	}
	if err := writeOutput(filepath.Join(*out, "REPORT.md"), rep.WriteMarkdown); err != nil {
		return outputErr("merge: -out", err)
	}
	fmt.Fprintf(stderr, "ftcheck: merged %d shards into %s and %s\n", len(shards), filepath.Join(*out, "REPORT.md"), filepath.Join(*out, "report.json"))
	return nil
}

// checkReportOut makes the output directory and checks, before any claim
// runs, that both files can be written there.
func checkReportOut(dir string) error {
	if err := checkOutputDir(dir); err != nil {
		return outputErr("report: -out", err)
	}
	for _, name := range []string{"report.json", "REPORT.md"} {
		if err := checkOutput(filepath.Join(dir, name)); err != nil {
			return outputErr("report: -out", err)
		}
	}
	return nil
}

// claimList parses -claims; nil means every claim.
func claimList(s string) ([]string, error) {
	if s == "" {
		return nil, nil
	}
	var ids []string
	for _, id := range strings.Split(s, ",") {
		id = strings.TrimSpace(id)
		if _, ok := theorem.Lookup(id); !ok {
			return nil, usageErr("report: unknown claim %q (one of %s)", id, strings.Join(theorem.SpecIDs, ", "))
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func checkBudget(seed uint64, checks int) error {
	if seed == 0 {
		return usageErr("-seed must be nonzero")
	}
	if checks < 1 {
		return usageErr("-checks must be at least 1")
	}
	return nil
}

func runCheck(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("check", "ID [-seed S] [-checks N]", stderr)
	seed := fs.Uint64("seed", defaultSeed, "random `seed` (nonzero)")
	checks := fs.Int("checks", defaultChecks, "sampling budget")
	var id string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		id, args = args[0], args[1:]
	}
	if help, err := parseFlags(fs, args, true); help || err != nil {
		return err
	}
	if id == "" && fs.NArg() > 0 {
		id = fs.Arg(0)
	}
	if id == "" {
		return usageErr("check: missing claim ID (one of %s)", strings.Join(theorem.SpecIDs, ", "))
	}
	if _, ok := theorem.Lookup(id); !ok {
		return usageErr("check: unknown claim %q (one of %s)", id, strings.Join(theorem.SpecIDs, ", "))
	}
	if err := checkBudget(*seed, *checks); err != nil {
		return err
	}
	rep := report.Run(report.Options{Seed: *seed, Checks: *checks, Only: []string{id}})
	c := rep.Claims[0]
	if err := report.WriteClaim(stdout, c); err != nil {
		return err
	}
	switch c.Verdict {
	case theorem.Holds:
		return nil
	case theorem.Counterexample:
		return &exitError{exitFailed, ""}
	}
	return &exitError{exitInconclusive, ""}
}
