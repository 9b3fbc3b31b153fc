// Preloaded with `node --import` when /usr/bin/time is missing: Node cannot read a child's peak
// RSS from outside, so the child reports its own as it exits (in KiB, like /usr/bin/time).
process.on('exit', () => {
  process.stderr.write(`maxrss-kb: ${process.resourceUsage().maxRSS}\n`);
});
