// mocha's spec reporter, closed by the one line CI reads: "N passed, N failed".
const { Spec } = require('mocha').reporters;
const { EVENT_RUN_END } = require('mocha').Runner.constants;

class SummaryReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      // After Spec's own epilogue, so this is the last line.
      process.on('exit', () => {
        process.stdout.write(`${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}\n`);
      });
    });
  }
}

module.exports = SummaryReporter;
