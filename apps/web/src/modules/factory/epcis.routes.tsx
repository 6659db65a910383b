/** The epcis part's pages under /factory: factories (index) and EPCIS events. */
export const epcisPages = <></>;
