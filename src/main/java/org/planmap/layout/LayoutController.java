package org.planmap.layout;

import java.util.Collection;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A park's land-use balance table (JSON, CSV, XLSX) and the land-use code list for the drawing form. */
@RestController
public class LayoutController {
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private final BalanceService balances;
  private final LandUseClasses classes;

  public LayoutController(BalanceService balances, LandUseClasses classes) {
    this.balances = balances;
    this.classes = classes;
  }

  @GetMapping("/api/landuse")
  public Collection<LandUseClasses.LandUse> landUse() {
    return classes.all();
  }

  @GetMapping("/api/parks/{parkId}/balance")
  public BalanceTable balance(@PathVariable String parkId) {
    return balances.balance(parkId);
  }

  @GetMapping("/api/parks/{parkId}/balance.csv")
  public ResponseEntity<byte[]> csv(@PathVariable String parkId) {
    return download(BalanceExport.csv(balances.balance(parkId)), parkId + "-balance.csv",
        new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8));
  }

  @GetMapping("/api/parks/{parkId}/balance.xlsx")
  public ResponseEntity<byte[]> xlsx(@PathVariable String parkId) {
    return download(BalanceExport.xlsx(balances.balance(parkId)), parkId + "-balance.xlsx", XLSX);
  }

  private static ResponseEntity<byte[]> download(byte[] body, String filename, MediaType type) {
    return ResponseEntity.ok().contentType(type)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }
}
