package drive

import (
	"fmt"
	"strings"

	"github.com/ftcheck/ftcheck/internal/search"
	"pgregory.net/rapid"
)

// Found is what Search found: how many cases passed, and the smallest
// failing case or why the search stopped early.
type Found[C any] struct {
	Passed  int
	Fail    *C     // rapid's shrunk failing case; nil when none failed
	Msg     string // what failed on Fail
	Stopped string // why the search ended before rapid's budget ran out; "" when it ran in full
}

// Verdict is Holds only when rapid's whole budget ran and every case passed.
func (f Found[C]) Verdict() Verdict {
	switch {
	case f.Fail != nil:
		return Counterexample
	case f.Stopped != "":
		return Inconclusive
	}
	return Holds
}

// Search is Run for checks that build no network (a counting lemma, a
// bound, a piece count): rapid draws cases of gen and check decides each. It
// fails closed the same way: a panic in check fails its case (and rapid
// shrinks it), the deadline or a failing generator stops the search.
func Search[C any](cfg Config, name string, gen *rapid.Generator[C], check func(C) error) Found[C] {
	var f Found[C]
	out := search.Run(name, func(t *rapid.T) {
		c := gen.Draw(t, "case")
		if f.Stopped != "" {
			return
		}
		switch _, st, msg := guard(cfg, func() (struct{}, error) { return struct{}{}, check(c) }); st {
		case failed:
			f.Fail, f.Msg = &c, msg
			t.Fatalf("%s", msg)
		case stopped:
			f.Stopped = msg
		default:
			f.Passed++
		}
	})
	switch {
	case out.Failed && f.Fail != nil:
	case out.Failed && f.Stopped == "":
		f.Stopped = "rapid's search failed without a case to show (its generator failed): " + strings.TrimSpace(out.Log)
	case f.Stopped == "" && cfg.Expired():
		f.Stopped = "the deadline was reached before every case ran"
	}
	return f
}

// guard runs fn until it returns or cfg's deadline passes: a panic in fn
// is a failure, an error too, and a deadline that passes while fn runs
// stops the case (fn is abandoned; a result that arrives with the deadline
// still stands).
func guard[R any](cfg Config, fn func() (R, error)) (R, status, string) {
	var zero R
	if cfg.Expired() {
		return zero, stopped, "the deadline was reached before every case ran"
	}
	type result struct {
		r   R
		err error
	}
	ch := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ch <- result{zero, fmt.Errorf("panic: %v", p)}
			}
		}()
		r, err := fn()
		ch <- result{r, err}
	}()
	var res result
	select {
	case res = <-ch:
	case <-cfg.done():
		select {
		case res = <-ch: // it finished as the deadline came: its result stands
		default:
			return zero, stopped, "the deadline was reached while a case was running"
		}
	}
	if res.err != nil {
		return zero, failed, res.err.Error()
	}
	return res.r, passed, ""
}
