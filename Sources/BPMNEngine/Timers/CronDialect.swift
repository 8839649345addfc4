/// Which cron reader a Camunda 7 version used for `timeCycle` values that do not start with `R`.
///
/// Camunda 7.0 to 7.23 used a copy of Quartz's `CronExpression`; 7.24 (August 2025, commit 5b5f577 "switch
/// to cron-utils in CycleBusinessCalendar") replaced it with cron-utils' `SPRING53` definition. Most
/// expressions (`0 0/5 * * * ?`, `0 0 12 ? * MON-FRI`, `0 0 0 L * ?`) mean the same in both; they differ in:
///
/// | | `.quartz` (≤ 7.23) | `.spring53` (7.24) |
/// |---|---|---|
/// | fields | 6 or 7 (optional year) | exactly 6 |
/// | numeric day of week | 1 = Sunday … 7 = Saturday | 0 or 7 = Sunday, 1 = Monday … 6 = Saturday |
/// | day of month and day of week | exactly one must be `?` | both may be given; a day must match both (`*`/`?` match all) |
/// | `L` alone in day of week | Saturday | not allowed |
/// | `@daily`, `@hourly`, `@weekly`, `@monthly`, `@yearly`, `@annually`, `@midnight` | no | yes |
/// | `a|b` in a field (union of two expressions) | no | yes |
public enum CronDialect: String, Sendable, CaseIterable {
    case quartz
    case spring53
}
