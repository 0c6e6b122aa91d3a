package org.glossa.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LoginFailureRepository extends JpaRepository<LoginFailure, UUID> {

    @Query("select f.failedAt from LoginFailure f where f.email = :email and f.failedAt > :since order by f.failedAt")
    List<Instant> failuresForEmail(@Param("email") String email, @Param("since") Instant since);

    @Query("select f.failedAt from LoginFailure f where f.address = :address and f.failedAt > :since order by f.failedAt")
    List<Instant> failuresFromAddress(@Param("address") String address, @Param("since") Instant since);

    @Modifying
    @Query("delete from LoginFailure f where f.email = :email")
    int forgetEmail(@Param("email") String email);

    @Modifying
    @Query("delete from LoginFailure f where f.failedAt < :before and (f.email = :email or f.address = :address)")
    int forgetOlderThan(@Param("email") String email, @Param("address") String address, @Param("before") Instant before);
}
