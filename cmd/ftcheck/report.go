package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/ftcheck/ftcheck/internal/report"
	"github.com/ftcheck/ftcheck/theorem"
)

func init() {
	register("report", "check every claim and write DIR/REPORT.md and DIR/report.json", runReport)
	register("check", "check one claim: ftcheck check ID [-seed S] [-checks N]", runCheck)
}

// Defaults of the sampling budget: rapid's own default number of checks.
const (
	defaultSeed   = 1
	defaultChecks = 100
)

func runReport(stdout, stderr io.Writer, args []string) error {
	fs := newFlags("report", "[-seed S] [-checks N] [-timeout D] [-out DIR]", stderr)
	seed := fs.Uint64("seed", defaultSeed, "random `seed` (nonzero); same seed and checks give identical files")
	checks := fs.Int("checks", defaultChecks, "sampling budget per claim (exhaustive parts run in full)")
	timeout := fs.Duration("timeout", 0, "safety stop; unfinished claims become inconclusive (0: none)")
	out := fs.String("out", "report", "output `directory`")
	only := fs.String("claims", "", "comma-separated claim `IDs` to run (default: every claim)")
	if help, err := parseFlags(fs, args, false); help || err != nil {
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
