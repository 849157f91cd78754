#!/bin/bash
# A large ftcheck report as a Slurm array job: one task per shard, then one
# merge. Same seed and checks in every task; the merged REPORT.md and
# report.json are byte for byte what one `ftcheck report` run writes.
#
#   sbatch --array=0-15 docs/sweeps/slurm.sh          # the shards
#   ftcheck merge -out report shards/*                # after they finish
#
#SBATCH --job-name=ftcheck-report
#SBATCH --cpus-per-task=2
#SBATCH --time=04:00:00
#SBATCH --output=shards/%A_%a.log
set -euo pipefail
SHARDS=${SLURM_ARRAY_TASK_COUNT:?run as an array job}
SEED=${FTCHECK_SEED:-1}
CHECKS=${FTCHECK_CHECKS:-10000}
mkdir -p shards
ftcheck report -seed "$SEED" -checks "$CHECKS" \
  -shard "${SLURM_ARRAY_TASK_ID}/${SHARDS}" -out "shards/${SLURM_ARRAY_TASK_ID}"
