-- Trace (issue #8, trace part). A transformation may be recorded as several TransformationEvents
-- sharing a transformationID (inputs in one, outputs in another); the trace joins them on it.
create index epcis_event_transformation_id_idx on epcis_event ((document->>'transformationID'))
  where document->>'transformationID' is not null;
