package theorem

import (
	"github.com/ftcheck/ftcheck/instance"
	"github.com/ftcheck/ftcheck/theorem/drive"
)

// FromInstance converts a fine-tuning instance to the exact strings of a
// finding (T 1-based, as the paper writes it).
func FromInstance(in *instance.Instance, params map[string]string) *Instance {
	return drive.FromInstance(in, params)
}
