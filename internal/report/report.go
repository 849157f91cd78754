// Package report runs every claim of the theorem registry under one budget
// and renders the reviewer's report: REPORT.md for people and report.json for
// tools (INTERFACE.md). Output is deterministic: claims in paper order,
// findings in the order the checks return them, exact rationals, sorted map
// keys, no timestamps; same seed and checks (and no timeout) ⇒ same bytes.
package report

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/ftcheck/ftcheck/internal/search"
	"github.com/ftcheck/ftcheck/theorem"
)

// ClaimReport is one claim's entry of report.json.
type ClaimReport struct {
	ID         string            `json:"id"`
	Paper      string            `json:"paper"`
	Statement  string            `json:"statement"`
	Method     string            `json:"method,omitempty"`
	Verdict    theorem.Verdict   `json:"verdict"`
	Evidence   string            `json:"evidence"`
	Checked    int               `json:"checked"`
	Exhaustive bool              `json:"exhaustive"`
	Reproduce  string            `json:"reproduce"`
	Findings   []theorem.Finding `json:"findings"`
}

// Report is report.json.
type Report struct {
	Seed   uint64        `json:"seed"`
	Checks int           `json:"checks"`
	Claims []ClaimReport `json:"claims"`
}

// Options is the budget of a run.
type Options struct {
	Seed     uint64
	Checks   int
	Timeout  time.Duration // 0: none
	Progress io.Writer     // stderr; nil for silence
	Only     []string      // claim IDs to run; nil for all
}

// ReproduceCommand is the one command that reruns a claim's check.
func ReproduceCommand(id string, seed uint64, checks int) string {
	return fmt.Sprintf("ftcheck check %s -seed %d -checks %d", id, seed, checks)
}

// Run checks every claim (or opts.Only) on all cores. A claim still running
// when the timeout fires is reported Inconclusive; its goroutine is left to
// finish in the background (the command exits after writing the report).
func Run(opts Options) *Report {
	claims := selectClaims(opts.Only)
	tasks := make([]task, len(claims))
	for i, c := range claims {
		tasks[i] = task{claim: c, unit: -1}
	}
	results := runTasks(opts, tasks)
	rep := &Report{Seed: opts.Seed, Checks: opts.Checks, Claims: make([]ClaimReport, len(claims))}
	for i, c := range claims {
		rep.Claims[i] = entry(c, results[i], opts)
	}
	return rep
}

// task is one piece of a run's work: a whole claim (unit −1), or one unit
// of a claim divided into units (theorem.Claim.Units).
type task struct {
	claim theorem.Claim
	unit  int
}

func (t task) label() string {
	if t.unit < 0 {
		return t.claim.ID
	}
	return t.claim.ID + "/" + t.claim.Units[t.unit].Name
}

// cost is the measured cost of t: the claim's, or its unit's (the claim's
// shared equally when the unit has none).
func (t task) cost() time.Duration {
	if t.unit < 0 {
		return t.claim.Cost
	}
	if c := t.claim.Units[t.unit].Cost; c > 0 {
		return c
	}
	return t.claim.Cost / time.Duration(len(t.claim.Units))
}

func (t task) run(cfg theorem.Config) theorem.Result {
	if t.unit < 0 {
		return theorem.Run(t.claim, cfg)
	}
	return theorem.RunUnit(t.claim, t.unit, cfg)
}

// runTasks runs tasks on all cores, costliest first, and returns their
// results in the order of tasks. A task still running when the timeout
// fires is Inconclusive.
func runTasks(opts Options, tasks []task) []theorem.Result {
	search.Configure(opts.Seed, opts.Checks)
	ctx := context.Background()
	cancel := func() {}
	if opts.Timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
	}
	defer cancel()
	done := make([]chan theorem.Result, len(tasks))
	for i := range done {
		done[i] = make(chan theorem.Result, 1)
	}
	queue := make(chan int, len(tasks))
	order := launchOrder(tasks)
	if opts.Timeout > 0 {
		// Under a deadline, finish as many claims as possible: cheap ones first.
		slices.Reverse(order)
	}
	for _, i := range order {
		queue <- i
	}
	close(queue)
	var progress sync.Mutex
	finished := 0
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		go func() {
			for i := range queue {
				t := tasks[i]
				start := time.Now()
				var res theorem.Result
				if ctx.Err() != nil {
					res = theorem.Result{Verdict: theorem.Inconclusive, Evidence: "not started before the timeout"}
				} else {
					res = t.run(theorem.Config{Ctx: ctx, Seed: opts.Seed, Checks: opts.Checks})
				}
				progress.Lock()
				finished++
				if opts.Progress != nil {
					fmt.Fprintf(opts.Progress, "[%2d/%d] %-10s %-14s (%s)\n", finished, len(tasks), t.label(), res.Verdict, time.Since(start).Round(time.Millisecond))
				}
				progress.Unlock()
				done[i] <- res
			}
		}()
	}
	results := make([]theorem.Result, len(tasks))
	for i := range tasks {
		select {
		case results[i] = <-done[i]:
		case <-ctx.Done():
			select {
			case results[i] = <-done[i]:
			default:
				results[i] = theorem.Result{Verdict: theorem.Inconclusive, Evidence: fmt.Sprintf("unfinished when the %s timeout fired", opts.Timeout), Findings: []theorem.Finding{}}
			}
		}
	}
	return results
}

// launchOrder is the order in which tasks start: the costliest first (the
// claim table's Cost), ties in the order given (paper order), so that the
// slowest claim does not start last on a 2-core machine. The report's
// order is paper order regardless.
func launchOrder(tasks []task) []int {
	order := make([]int, len(tasks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(tasks[b].cost(), tasks[a].cost()) })
	return order
}

func selectClaims(only []string) []theorem.Claim {
	all := theorem.Claims()
	if only == nil {
		return all
	}
	var out []theorem.Claim
	for _, c := range all {
		for _, id := range only {
			if c.ID == id {
				out = append(out, c)
			}
		}
	}
	return out
}

func entry(c theorem.Claim, res theorem.Result, opts Options) ClaimReport {
	if res.Findings == nil {
		res.Findings = []theorem.Finding{}
	}
	return ClaimReport{
		ID: c.ID, Paper: c.Paper, Statement: c.Statement, Method: c.Method,
		Verdict: res.Verdict, Evidence: res.Evidence, Checked: res.Checked,
		Exhaustive: res.Exhaustive, Reproduce: ReproduceCommand(c.ID, opts.Seed, opts.Checks),
		Findings: res.Findings,
	}
}
