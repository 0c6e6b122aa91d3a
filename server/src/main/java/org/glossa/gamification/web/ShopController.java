package org.glossa.gamification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.glossa.gamification.internal.Shop;
import org.glossa.identity.CurrentUser;
import org.glossa.shared.ApiProblem;
import org.glossa.shared.FieldViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Spending gems: streak freezes, streak repair, heart refills. */
@RestController
@Tag(name = "Shop")
@SecurityRequirement(name = "bearer")
class ShopController {

    private final Shop shop;

    ShopController(Shop shop) {
        this.shop = shop;
    }

    record PurchaseRequest(@Schema(description = "streak-freeze, streak-repair or heart-refill") String item,
            @Schema(description = "Chosen by the client, up to 100 characters; the same id again returns the same result")
            String purchaseId) {
    }

    @PostMapping("/api/v1/shop/purchases")
    @Operation(summary = "Buy an item", description = "Idempotent by purchaseId.")
    @ApiResponse(responseCode = "409", description = "Too few gems, freezes already at the maximum, nothing to repair, "
            + "hearts already full")
    Shop.Purchase buy(@AuthenticationPrincipal CurrentUser user, @RequestBody PurchaseRequest body) {
        List<FieldViolation> violations = new ArrayList<>();
        if (body.item() == null || !Shop.ITEMS.contains(body.item())) {
            violations.add(new FieldViolation("item", "must be one of " + String.join(", ", Shop.ITEMS)));
        }
        if (body.purchaseId() == null || body.purchaseId().isBlank() || body.purchaseId().length() > 100) {
            violations.add(new FieldViolation("purchaseId", "must be given, up to 100 characters"));
        }
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        return shop.buy(user.id(), body.item(), body.purchaseId());
    }
}
