package dev.taskcheck.engine;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.IValidationContext;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.utilities.validation.ValidationMessage;

/**
 * HAPI's {@link FhirInstanceValidator}, giving back the HL7 messages themselves rather than HAPI's
 * simplified copies, which drop the issue type and the invariant key TaskCheck maps ids from.
 */
final class RawInstanceValidator extends FhirInstanceValidator {

  RawInstanceValidator(IValidationSupport support) {
    super(support);
  }

  List<ValidationMessage> validateRaw(IValidationContext<?> context) {
    return validate(context);
  }
}
