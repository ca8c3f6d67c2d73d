package dev.taskcheck.rules.catalog;

import static dev.taskcheck.model.Severity.ERROR;
import static dev.taskcheck.model.Severity.WARNING;
import static dev.taskcheck.rules.ProfileRule.RATIO_PROFILE;
import static dev.taskcheck.rules.ProfileRule.TASK_PROFILE;
import static dev.taskcheck.rules.RuleBasis.BP;
import static dev.taskcheck.rules.RuleBasis.IG;
import static dev.taskcheck.rules.RuleBasis.TEXT;
import static dev.taskcheck.rules.RuleCategory.FAILURE;
import static dev.taskcheck.rules.RuleCategory.PROGRESS;
import static dev.taskcheck.rules.RuleCategory.STATUS;

import dev.taskcheck.rules.ProfileRule;
import dev.taskcheck.rules.Rule;
import dev.taskcheck.rules.TransitionRule;
import dev.taskcheck.rules.au.AuStatus;
import dev.taskcheck.rules.au.ReasonTextForStop;
import dev.taskcheck.rules.cow.AwaitingInformationHasReason;
import dev.taskcheck.rules.cow.CancellationRequestTaskElements;
import dev.taskcheck.rules.cow.CoordinationTaskElements;
import dev.taskcheck.rules.cow.PreliminaryOutcomeHasOutput;
import dev.taskcheck.rules.date.CompletedAfterDueDate;
import dev.taskcheck.rules.date.ExecutionNotBeforeAuthoring;
import dev.taskcheck.rules.date.LastModifiedNotBeforeAuthoredOn;
import dev.taskcheck.rules.date.LastModifiedNotBeforeExecution;
import dev.taskcheck.rules.date.NoDateInFuture;
import dev.taskcheck.rules.date.PeriodEndNotBeforeStart;
import dev.taskcheck.rules.failure.FailureReasonBecomesStatusReason;
import dev.taskcheck.rules.failure.FailureReasonOnlyWhenFailed;
import dev.taskcheck.rules.failure.StatusReasonOnActiveTask;
import dev.taskcheck.rules.hrex.HrexStatus;
import dev.taskcheck.rules.progress.CommensurableUnits;
import dev.taskcheck.rules.progress.CompletedProgressIsFull;
import dev.taskcheck.rules.progress.DenominatorMatchesRepetitions;
import dev.taskcheck.rules.progress.NumeratorMatchesCountedOutputs;
import dev.taskcheck.rules.progress.NumeratorWithinDenominator;
import dev.taskcheck.rules.progress.ProgressMatchesStatus;
import dev.taskcheck.rules.progress.TypedProgressOutput;
import dev.taskcheck.rules.progress.WholeCounts;
import dev.taskcheck.rules.status.EnteredInError;
import dev.taskcheck.rules.status.SinglePartOf;
import dev.taskcheck.rules.transition.AllowedStatusChange;
import dev.taskcheck.rules.transition.AuthoredOnUnchanged;
import dev.taskcheck.rules.transition.ConsistentHistory;
import dev.taskcheck.rules.transition.ExecutionStartUnchanged;
import dev.taskcheck.rules.transition.FinishedFromInProgress;
import dev.taskcheck.rules.transition.InProgressCancelled;
import dev.taskcheck.rules.transition.InitialStatus;
import dev.taskcheck.rules.transition.IntentUnchanged;
import dev.taskcheck.rules.transition.LastModifiedMovesOn;
import dev.taskcheck.rules.transition.LeavesEnteredInError;
import dev.taskcheck.rules.transition.LeavesTerminalStatus;
import dev.taskcheck.rules.transition.OutputsKeptAfterCompletion;
import dev.taskcheck.rules.transition.ProgressNeverDecreases;
import dev.taskcheck.rules.transition.ReasonFollowsStatus;
import dev.taskcheck.rules.transition.ResumesWhereItWas;
import dev.taskcheck.rules.transition.StuckTask;
import java.util.List;

/**
 * Every rule TaskCheck ships, listed explicitly (no class-path scanning): a list one can read beats
 * discovery. {@link #JAVA} are rule classes, whose metadata is their {@link TaskRule} annotation;
 * {@link #PROFILE} are invariants of TaskCheck's StructureDefinitions (profiles module), declared
 * here.
 */
public final class BuiltInRules {

  public static final List<Class<? extends Rule>> JAVA =
      List.of(
          SinglePartOf.class,
          EnteredInError.class,
          FailureReasonOnlyWhenFailed.class,
          StatusReasonOnActiveTask.class,
          FailureReasonBecomesStatusReason.class,
          LastModifiedNotBeforeAuthoredOn.class,
          PeriodEndNotBeforeStart.class,
          ExecutionNotBeforeAuthoring.class,
          LastModifiedNotBeforeExecution.class,
          CompletedAfterDueDate.class,
          NoDateInFuture.class,
          NumeratorWithinDenominator.class,
          WholeCounts.class,
          CommensurableUnits.class,
          TypedProgressOutput.class,
          CompletedProgressIsFull.class,
          ProgressMatchesStatus.class,
          DenominatorMatchesRepetitions.class,
          NumeratorMatchesCountedOutputs.class,
          CoordinationTaskElements.class,
          CancellationRequestTaskElements.class,
          PreliminaryOutcomeHasOutput.class,
          AwaitingInformationHasReason.class,
          HrexStatus.class,
          AuStatus.class,
          ReasonTextForStop.class);

  /** The rules over the versions of one Task (transition-1..16). */
  public static final List<Class<? extends TransitionRule>> TRANSITION =
      List.of(
          AllowedStatusChange.class,
          LeavesTerminalStatus.class,
          LeavesEnteredInError.class,
          InProgressCancelled.class,
          ResumesWhereItWas.class,
          IntentUnchanged.class,
          AuthoredOnUnchanged.class,
          LastModifiedMovesOn.class,
          ReasonFollowsStatus.class,
          ExecutionStartUnchanged.class,
          ProgressNeverDecreases.class,
          OutputsKeptAfterCompletion.class,
          InitialStatus.class,
          ConsistentHistory.class,
          StuckTask.class,
          FinishedFromInProgress.class);

  public static final List<ProfileRule> PROFILE =
      List.of(
          new ProfileRule(
                  "status-1",
                  "ActiveTaskHasOwner",
                  STATUS,
                  WARNING,
                  TASK_PROFILE,
                  List.of(TEXT),
                  "A received, accepted, rejected, in-progress, on-hold, completed or failed Task has an owner")
              .inEveryPackage(),
          new ProfileRule(
                  "status-2",
                  "StartedTaskHasStart",
                  STATUS,
                  WARNING,
                  TASK_PROFILE,
                  List.of(TEXT),
                  "An in-progress, on-hold, completed or failed Task has executionPeriod.start")
              .inEveryPackage(),
          new ProfileRule(
                  "status-3",
                  "CompletedTaskHasEnd",
                  STATUS,
                  WARNING,
                  TASK_PROFILE,
                  List.of(TEXT),
                  "A completed Task has executionPeriod.end")
              .inEveryPackage(),
          new ProfileRule(
                  "status-4",
                  "OpenTaskHasNoEnd",
                  STATUS,
                  WARNING,
                  TASK_PROFILE,
                  List.of(TEXT),
                  "A Task that is not in a terminal status has no executionPeriod.end")
              .inEveryPackage(),
          new ProfileRule(
                  "status-5",
                  "RejectedTaskNeverStarted",
                  STATUS,
                  WARNING,
                  TASK_PROFILE,
                  List.of(TEXT),
                  "A rejected Task has no executionPeriod.start: it was rejected before any action")
              .inEveryPackage(),
          new ProfileRule(
                  "status-6",
                  "BusinessStatusNotTaskStatus",
                  STATUS,
                  WARNING,
                  TASK_PROFILE,
                  List.of(BP, IG),
                  "businessStatus does not restate Task.status (no task-status coding, no status code as text)")
              .inEveryPackage(),
          new ProfileRule(
                  "status-7",
                  "BasedOnIsNotFocus",
                  STATUS,
                  WARNING,
                  TASK_PROFILE,
                  List.of(TEXT),
                  "basedOn never holds the same reference as focus")
              .inEveryPackage(),
          new ProfileRule(
                  "status-9",
                  "CompletedTaskHasOutput",
                  STATUS,
                  WARNING,
                  TASK_PROFILE,
                  List.of(IG),
                  "A completed Task has at least one output")
              .inEveryPackage(),
          new ProfileRule(
                  "failure-2",
                  "FailedTaskHasReason",
                  FAILURE,
                  WARNING,
                  TASK_PROFILE,
                  List.of(IG, TEXT),
                  "A failed or rejected Task says why in statusReason")
              .inEveryPackage(),
          new ProfileRule(
                  "failure-3",
                  "CancelledOrHeldTaskHasReason",
                  FAILURE,
                  WARNING,
                  TASK_PROFILE,
                  List.of(IG),
                  "A cancelled or on-hold Task says why in statusReason")
              .inEveryPackage(),
          new ProfileRule(
                  "failure-4",
                  "ReadableStatusReason",
                  FAILURE,
                  WARNING,
                  TASK_PROFILE,
                  List.of(IG),
                  "A statusReason is readable by a person: text, a coding display, or (R5) a reference")
              .inEveryPackage(),
          new ProfileRule(
                  "progress-1",
                  "PositiveDenominator",
                  PROGRESS,
                  ERROR,
                  RATIO_PROFILE,
                  List.of(BP),
                  "A progress Ratio has a denominator value greater than 0")
              .skippingEnteredInError()
              .inEveryPackage(),
          new ProfileRule(
                  "progress-4",
                  "NoComparator",
                  PROGRESS,
                  ERROR,
                  RATIO_PROFILE,
                  List.of(BP),
                  "A progress Ratio has no comparator on its numerator or denominator")
              .skippingEnteredInError()
              .inEveryPackage(),
          new ProfileRule(
                  "progress-11",
                  "PercentWithinRange",
                  PROGRESS,
                  WARNING,
                  TASK_PROFILE,
                  List.of(IG),
                  "A percentage (unit %) output lies between 0 and 100")
              .skippingEnteredInError()
              .inEveryPackage());

  private BuiltInRules() {}
}
