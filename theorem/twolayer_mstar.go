package theorem

// The best verified 2-layer upper bound for one instance, for ftcheck mstar
// and finetune -depth 2: the smallest network among Theorem 4.4's (pruned)
// and the oriented variant that the oracle verifies.

import (
	"fmt"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/oracle"
)

// BestTwoLayer builds construction.TwoLayer and construction.TwoLayerOriented
// for in, verifies each exactly (g(x_i) = z_i for every i) and returns the
// verified one with the fewest neurons (TwoLayer on a tie) with its
// certificate; Built.Name ("T4.4" or "T4.4-oriented") names the construction.
// Bad input gives the constructions' typed errors.
func BestTwoLayer(in *instance.Instance) (*construction.Built, *oracle.Certificate, error) {
	var best *construction.Built
	var cert *oracle.Certificate
	var failures []string
	for _, build := range []func(*instance.Instance) (*construction.Built, error){construction.TwoLayer, construction.TwoLayerOriented} {
		b, err := build(in)
		if err != nil {
			return nil, nil, err
		}
		c, err := in.Verify(b.Net)
		if err != nil {
			failures = append(failures, fmt.Sprintf("%s: %v", b.Name, err))
			continue
		}
		if best == nil || b.Neurons < best.Neurons {
			best, cert = b, c
		}
	}
	if best == nil {
		return nil, nil, fmt.Errorf("no 2-layer construction verified: %v", failures)
	}
	return best, cert, nil
}
