// Package search runs a rapid property outside `go test`, so that the report
// and the check command find and shrink counterexamples with the same engine
// as the test suite.
//
// rapid keeps its settings (checks, seed, fail files) in the process-wide flag
// set, so Configure sets them once per process; Run then drives rapid.Check
// through a recording TB. Run is safe to call from several goroutines after
// Configure: rapid only reads its flags.
package search

import (
	"flag"
	"fmt"
	"strings"
	"sync"
	"testing"

	"pgregory.net/rapid"
)

var configureOnce sync.Mutex

// Configure sets rapid's seed and number of checks for every later Run. A
// seed of 0 would make rapid pick a random one, so callers pass nonzero seeds.
func Configure(seed uint64, checks int) {
	configureOnce.Lock()
	defer configureOnce.Unlock()
	testing.Init() // rapid consults testing.Short; harmless inside go test
	if !flag.Parsed() {
		// Outside go test nobody parses the process flag set, and
		// testing.Short refuses to answer before it is parsed.
		_ = flag.CommandLine.Parse(nil)
	}
	set := func(name, value string) {
		if f := flag.Lookup(name); f != nil {
			if err := f.Value.Set(value); err != nil {
				panic("search: " + err.Error())
			}
		}
	}
	set("rapid.seed", fmt.Sprint(seed))
	set("rapid.checks", fmt.Sprint(checks))
	set("rapid.nofailfile", "true")
}

// Outcome is what one property search found.
type Outcome struct {
	Failed bool
	Log    string // rapid's report: the shrunk draws and the failure message
}

// Run checks prop with rapid (after Configure). When prop fails, rapid
// shrinks the failure and replays the smallest failing case last, so state
// that prop records on failure describes the shrunk case.
func Run(name string, prop func(*rapid.T)) Outcome {
	tb := &recorder{name: name}
	func() {
		defer func() {
			if r := recover(); r != nil && r != errStop {
				panic(r)
			}
		}()
		rapid.Check(tb, prop)
	}()
	return Outcome{Failed: tb.failed, Log: tb.log.String()}
}

var errStop = new(int)

// recorder is a rapid.TB that records instead of failing a test.
type recorder struct {
	name   string
	mu     sync.Mutex
	failed bool
	log    strings.Builder
}

func (r *recorder) Helper()      {}
func (r *recorder) Name() string { return r.name }
func (r *recorder) Logf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	fmt.Fprintf(&r.log, format+"\n", args...)
}
func (r *recorder) Log(args ...any)                  { r.Logf("%s", fmt.Sprint(args...)) }
func (r *recorder) Skipf(format string, args ...any) { r.Logf(format, args...); panic(errStop) }
func (r *recorder) Skip(args ...any)                 { r.Log(args...); panic(errStop) }
func (r *recorder) SkipNow()                         { panic(errStop) }
func (r *recorder) Errorf(format string, args ...any) {
	r.Logf(format, args...)
	r.Fail()
}
func (r *recorder) Error(args ...any) { r.Log(args...); r.Fail() }
func (r *recorder) Fatalf(format string, args ...any) {
	r.Errorf(format, args...)
	panic(errStop)
}
func (r *recorder) Fatal(args ...any) { r.Error(args...); panic(errStop) }
func (r *recorder) FailNow()          { r.Fail(); panic(errStop) }
func (r *recorder) Fail() {
	r.mu.Lock()
	r.failed = true
	r.mu.Unlock()
}
func (r *recorder) Failed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failed
}
